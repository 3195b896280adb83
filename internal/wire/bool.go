package wire

import (
	"bytes"
	"fmt"
)

// Bool is a boolean that a vendor sends as true/false or as the numbers 1/0.
// Numeric records that it arrived as a number, so it encodes back the same way.
type Bool struct {
	Value   bool
	Numeric bool
}

// UnmarshalJSON accepts true, false, 1, 0 and null (false).
func (b *Bool) UnmarshalJSON(data []byte) error {
	switch string(bytes.TrimSpace(data)) {
	case "true":
		*b = Bool{Value: true}
	case "false", "null":
		*b = Bool{}
	case "1":
		*b = Bool{Value: true, Numeric: true}
	case "0":
		*b = Bool{Numeric: true}
	default:
		return fmt.Errorf("boolean must be true, false, 1 or 0, got %s", kindOf(data))
	}
	return nil
}

// MarshalJSON writes the boolean in the form it arrived in.
func (b Bool) MarshalJSON() ([]byte, error) {
	switch {
	case b.Numeric && b.Value:
		return []byte("1"), nil
	case b.Numeric:
		return []byte("0"), nil
	case b.Value:
		return []byte("true"), nil
	}
	return []byte("false"), nil
}
