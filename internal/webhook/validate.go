package webhook

import (
	"errors"
	"reflect"
	"strings"
	"sync"

	"github.com/go-playground/validator/v10"

	"github.com/lmshooks/lmshooks/internal/wire"
)

// validate is built once: validator caches struct metadata per type, so one
// shared instance keeps that work off the request path.
var validate = sync.OnceValue(func() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	// Report fields by their JSON names, as the sender wrote them.
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			return ""
		}
		if name == "" {
			return f.Name
		}
		return name
	})
	// Tolerant types validate as their text, so `required` means "sent and
	// not empty".
	v.RegisterCustomTypeFunc(func(f reflect.Value) any { return f.Interface().(wire.ID).Value }, wire.ID{})
	v.RegisterCustomTypeFunc(func(f reflect.Value) any { return f.Interface().(wire.Time).Text }, wire.Time{})
	v.RegisterCustomTypeFunc(func(f reflect.Value) any { return string(f.Interface().(wire.Content)) }, wire.Content{})
	return v
})

// Validate checks v's `validate` tags. A failure is a *ParseError of kind
// ErrInvalid naming the first failing field by its JSON path.
func Validate(vendor, event string, v any) error {
	if passesFast(v) {
		return nil
	}
	return validateSlow(vendor, event, v)
}

// validateSlow is Validate through validator/v10 alone, whose errors name
// the field and rule.
func validateSlow(vendor, event string, v any) error {
	err := validate().Struct(v)
	if err == nil {
		return nil
	}
	var fields validator.ValidationErrors
	if !errors.As(err, &fields) || len(fields) == 0 {
		return &ParseError{Vendor: vendor, Event: event, Kind: ErrInvalid, Cause: err}
	}
	first := fields[0]
	return &ParseError{
		Vendor: vendor,
		Event:  event,
		Field:  jsonPath(first.Namespace()),
		Kind:   ErrInvalid,
		Cause:  &FieldError{Rule: first.Tag(), Param: first.Param()},
	}
}

// FieldError is the cause of an ErrInvalid ParseError: the rule a field broke.
type FieldError struct {
	Rule  string // the validator tag, such as "required" or "max"
	Param string // the tag's parameter, such as "100"; may be empty
}

// Error describes the broken rule.
func (e *FieldError) Error() string {
	switch e.Rule {
	case "required":
		return "is required"
	case "required_without":
		return "is required when " + e.Param + " is absent"
	}
	if e.Param != "" {
		return "must satisfy " + e.Rule + "=" + e.Param
	}
	return "must satisfy " + e.Rule
}

// jsonPath drops the struct's own name from a validator namespace
// ("CardEnd.answer.cardId" becomes "answer.cardId").
func jsonPath(namespace string) string {
	if _, rest, ok := strings.Cut(namespace, "."); ok {
		return rest
	}
	return namespace
}
