package wire

import (
	"bytes"
	"encoding/json"
	"unicode/utf8"
)

// Content is a JSON value that a vendor sends either as a string or as
// structured content (an object or an array). It keeps the value as sent,
// spelled in a normal form: no white space, object keys sorted, strings
// escaped only where JSON requires it. So the same value sent with other
// spacing or escapes ("\u003c" for "<") is the same Content, as a plain
// string field would be, and gives the same canonical id.
type Content json.RawMessage

// String returns the value's text when it is a JSON string, and the raw JSON
// otherwise (empty for null or an absent value).
func (c Content) String() string {
	if len(c) == 0 || string(c) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(c, &s) == nil {
		return s
	}
	return string(c)
}

// IsZero reports whether no value was sent.
func (c Content) IsZero() bool { return len(c) == 0 }

// UnmarshalJSON keeps any JSON value, in its normal spelling.
func (c *Content) UnmarshalJSON(data []byte) error {
	if isPlainString(data) { // the common case, normal already
		*c = append((*c)[:0], data...)
		return nil
	}
	normal, err := normalJSON(data)
	if err != nil {
		return err
	}
	*c = normal
	return nil
}

// isPlainString reports a JSON string token of valid UTF-8 without escapes,
// control characters or U+2028/U+2029 (which encoding/json escapes): its own
// normal spelling.
func isPlainString(data []byte) bool {
	if len(data) < 2 || data[0] != '"' || data[len(data)-1] != '"' || !utf8.Valid(data) ||
		bytes.Contains(data, lineSeparator) || bytes.Contains(data, paragraphSeparator) {
		return false
	}
	for _, c := range data[1 : len(data)-1] {
		if c == '\\' || c == '"' || c < ' ' {
			return false
		}
	}
	return true
}

var (
	lineSeparator      = []byte("\u2028")
	paragraphSeparator = []byte("\u2029")
)

// normalJSON re-encodes a JSON value: numbers keep their text, object keys
// are sorted, and <, > and & are not escaped.
func normalJSON(data []byte) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// MarshalJSON writes the value as sent, or null when none was.
func (c Content) MarshalJSON() ([]byte, error) {
	if len(c) == 0 {
		return []byte("null"), nil
	}
	return c, nil
}
