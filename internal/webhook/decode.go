package webhook

import (
	"encoding/json"
	"errors"
	"reflect"
)

// DecodeJSON unmarshals body into v and validates it. Failures are
// *ParseError values: ErrMalformed with the byte offset (and the field, for a
// wrong type) or ErrInvalid naming the field.
func DecodeJSON(vendor, event string, body []byte, v any) error {
	if err := UnmarshalJSON(vendor, event, body, v); err != nil {
		return err
	}
	return Validate(vendor, event, v)
}

// UnmarshalJSON is DecodeJSON without the validation, for a caller that
// checks part of v first.
func UnmarshalJSON(vendor, event string, body []byte, v any) error {
	if err := json.Unmarshal(body, v); err != nil {
		pe := MalformedJSON(vendor, event, err)
		pe.Field = fieldPath(reflect.TypeOf(v), pe.Field)
		return pe
	}
	return nil
}

// MalformedJSON turns an encoding/json error into a *ParseError of kind
// ErrMalformed carrying the offset and field where encoding/json knows them.
func MalformedJSON(vendor, event string, err error) *ParseError {
	pe := &ParseError{Vendor: vendor, Event: event, Kind: ErrMalformed, Cause: err}
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		pe.Offset = syntax.Offset
	case errors.As(err, &typ):
		pe.Offset = typ.Offset
		pe.Field = typ.Field
	}
	return pe
}
