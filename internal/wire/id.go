package wire

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/lmshooks/lmshooks/internal/jsonscan"
)

// ID is an identifier that a vendor sends as a JSON number or a JSON string.
// Value holds its text (a number as its decimal digits, exactly as sent);
// Numeric records that it arrived as a number, so it encodes back the same way.
type ID struct {
	Value   string
	Numeric bool
}

// StringID returns an ID that encodes as a JSON string.
func StringID(s string) ID { return ID{Value: s} }

// NumberID returns an ID that encodes as a JSON number.
func NumberID(n int64) ID { return ID{Value: fmt.Sprint(n), Numeric: true} }

// String returns the identifier's text.
func (id ID) String() string { return id.Value }

// IsZero reports whether the identifier is empty.
func (id ID) IsZero() bool { return id.Value == "" }

// UnmarshalJSON accepts a JSON number, a JSON string or null (the zero ID).
func (id *ID) UnmarshalJSON(data []byte) error {
	switch {
	case bytes.Equal(data, nullLiteral):
		*id = ID{}
		return nil
	case len(data) > 0 && data[0] == '"':
		if s, ok := jsonscan.PlainString(data); ok {
			*id = ID{Value: s}
			return nil
		}
		var s string
		if err := json.Unmarshal(data, &s); err != nil {
			return err
		}
		*id = ID{Value: s}
		return nil
	}
	if isNumberLiteral(data) {
		*id = ID{Value: string(data), Numeric: true}
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(data, &n); err != nil {
		return fmt.Errorf("id must be a number or a string, got %s", kindOf(data))
	}
	*id = ID{Value: n.String(), Numeric: true}
	return nil
}

// MarshalJSON writes the identifier in the form it arrived in. A numeric ID
// whose text is not a valid JSON number is written as a string.
func (id ID) MarshalJSON() ([]byte, error) {
	if id.Numeric && isJSONNumber(id.Value) {
		return []byte(id.Value), nil
	}
	if quoted, ok := quotePlain(id.Value); ok {
		return quoted, nil
	}
	return json.Marshal(id.Value)
}

var nullLiteral = []byte("null")

func isJSONNumber(s string) bool {
	if isNumberLiteral(s) {
		return true
	}
	var n json.Number
	return s != "" && json.Unmarshal([]byte(s), &n) == nil
}

// kindOf names the kind of a JSON value for an error message. Errors never
// quote the value itself: it may be personal data, and errors reach logs.
func kindOf(data []byte) string {
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 {
		return "nothing"
	}
	switch trimmed[0] {
	case '"':
		return "a string"
	case '{':
		return "an object"
	case '[':
		return "an array"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}
