package webhook

import (
	"errors"
	"fmt"
	"strings"
)

// The kinds of failure. Every error the parsers and handlers return matches
// exactly one of them with errors.Is.
var (
	// ErrMalformed: the body is not the JSON (or XML) the vendor sends:
	// a syntax error, trailing data, or a value of the wrong type.
	ErrMalformed = errors.New("malformed body")
	// ErrInvalid: the body decodes but lacks what its event must carry.
	ErrInvalid = errors.New("invalid event")
	// ErrNoEventType: the body names no event at all.
	ErrNoEventType = errors.New("no event type in body")
	// ErrUnauthorized: the request's credentials or signature are missing,
	// wrong or stale.
	ErrUnauthorized = errors.New("unauthorized")
	// ErrTooLarge: the body is over the handler's size limit.
	ErrTooLarge = errors.New("body too large")
	// ErrUnsupportedMediaType: the Content-Type is not one the vendor sends.
	ErrUnsupportedMediaType = errors.New("unsupported media type")
	// ErrMethodNotAllowed: the request method is not POST.
	ErrMethodNotAllowed = errors.New("method not allowed")
	// ErrBusy: the bytes in flight were at their limit (see Inflight) for
	// longer than a request may wait; the sender should retry later.
	ErrBusy = errors.New("busy: too many request bytes in flight, retry later")
	// ErrRetryLater: the callback could not take the event now (its store
	// is full, what it forwards to is down) and the sender should send it
	// again later. A callback error matching it answers 503 with
	// Retry-After instead of 500.
	ErrRetryLater = errors.New("temporarily unavailable, retry later")
)

// ParseError describes why a body was rejected. Kind is one of the Err
// values above; Cause is the underlying error (a *json.SyntaxError, a
// validator error, ...). Both match with errors.Is and errors.As.
type ParseError struct {
	Vendor string // the vendor package, such as "mcg"
	Event  string // the vendor's event name, when the body named one
	Field  string // the failing field as a JSON path, such as "answer.cardId"
	Offset int64  // the byte offset of a syntax or type error; 0 when unknown
	Kind   error  // ErrMalformed, ErrInvalid, ErrNoEventType or ErrUnauthorized
	Cause  error  // the underlying error; may be nil
}

// Error returns a one-line description that never quotes the body.
func (e *ParseError) Error() string {
	var b strings.Builder
	b.WriteString(e.Vendor)
	if e.Event != "" {
		fmt.Fprintf(&b, " %s", e.Event)
	}
	fmt.Fprintf(&b, ": %v", e.Kind)
	if e.Field != "" {
		fmt.Fprintf(&b, ": field %s", e.Field)
	}
	if e.Offset > 0 {
		fmt.Fprintf(&b, " at byte %d", e.Offset)
	}
	if e.Cause != nil {
		fmt.Fprintf(&b, ": %v", e.Cause)
	}
	return b.String()
}

// Unwrap returns the kind and the cause, so errors.Is and errors.As see both.
func (e *ParseError) Unwrap() []error {
	if e.Cause == nil {
		return []error{e.Kind}
	}
	return []error{e.Kind, e.Cause}
}
