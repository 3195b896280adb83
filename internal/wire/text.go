package wire

import (
	"encoding/json"
)

// Content is a JSON value that a vendor sends either as a string or as
// structured content (an object or an array). It is kept exactly as sent.
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

// UnmarshalJSON keeps any JSON value as it is.
func (c *Content) UnmarshalJSON(data []byte) error {
	*c = append((*c)[:0], data...)
	return nil
}

// MarshalJSON writes the value as sent, or null when none was.
func (c Content) MarshalJSON() ([]byte, error) {
	if len(c) == 0 {
		return []byte("null"), nil
	}
	return c, nil
}
