package canonical

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// ErrInvalidEvent is returned by Validate for an Event that breaks the
// canonical contract.
var ErrInvalidEvent = errors.New("invalid canonical event")

// Validate checks e against the canonical contract. The error wraps
// ErrInvalidEvent and names the first field at fault.
func (e *Event) Validate() error {
	if err := e.validate(); err != nil {
		return fmt.Errorf("%w: %s", ErrInvalidEvent, err)
	}
	return nil
}

// ValidateFields is Validate without re-reading Data as JSON: it checks only
// that Data starts as an object. It is for events whose Data this package's
// conversion built from a checked body (Parse keeps its compact form), where
// json.Valid over a large body again is the bulk of Validate's cost.
func (e *Event) ValidateFields() error {
	if err := e.validateFields(); err != nil {
		return fmt.Errorf("%w: %s", ErrInvalidEvent, err)
	}
	if !startsAsObject(e.Data) {
		return fmt.Errorf("%w: data is not a JSON object", ErrInvalidEvent)
	}
	return nil
}

func (e *Event) validate() error {
	if err := e.validateFields(); err != nil {
		return err
	}
	if !isJSONObject(e.Data) {
		return errors.New("data is not a JSON object")
	}
	return nil
}

// validateFields checks every field but Data.
func (e *Event) validateFields() error {
	switch {
	case e.ID == "":
		return errors.New("id is empty")
	case !e.Vendor.Valid():
		return fmt.Errorf("vendor %q is not known", e.Vendor)
	case !e.Type.Valid():
		return fmt.Errorf("type %q is not in the vocabulary", e.Type)
	case e.VendorEvent == "":
		return errors.New("vendor_event is empty")
	case !e.OccurredAt.IsZero() && e.OccurredAt.Location() != time.UTC:
		return errors.New("occurred_at is not in UTC")
	case e.Object == nil && e.Type != TypeUnknown:
		return errors.New("object is missing")
	}
	if err := e.Object.validate("object"); err != nil {
		return err
	}
	if err := e.Parent.validate("parent"); err != nil {
		return err
	}
	if e.Learner != nil && *e.Learner == (Learner{}) {
		return errors.New("learner is present but empty")
	}
	if err := e.Result.validate(); err != nil {
		return err
	}
	if c := e.Certificate; c != nil && !c.ExpiresAt.IsZero() && c.ExpiresAt.Location() != time.UTC {
		return errors.New("certificate.expires_at is not in UTC")
	}
	return nil
}

func (o *Object) validate(field string) error {
	switch {
	case o == nil:
		return nil
	case !o.Kind.Valid():
		return fmt.Errorf("%s.kind %q is not known", field, o.Kind)
	case o.ID == "":
		return fmt.Errorf("%s.id is empty", field)
	}
	return nil
}

func (r *Result) validate() error {
	switch {
	case r == nil:
		return nil
	case *r == (Result{}):
		return errors.New("result is present but empty")
	case r.Scaled != nil && (*r.Scaled < 0 || *r.Scaled > 1):
		return fmt.Errorf("result.scaled %v is outside [0, 1]", *r.Scaled)
	case r.Scaled != nil && r.MaxScore == nil:
		return errors.New("result.scaled is set without max_score")
	case r.Progress != nil && (*r.Progress < 0 || *r.Progress > 100):
		return fmt.Errorf("result.progress %v is outside [0, 100]", *r.Progress)
	}
	return nil
}

func isJSONObject(data json.RawMessage) bool {
	return startsAsObject(data) && json.Valid(data)
}

func startsAsObject(data json.RawMessage) bool {
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	return len(trimmed) > 0 && trimmed[0] == '{'
}
