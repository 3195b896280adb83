package webhook

import (
	"context"
	"errors"
)

// Outcome is how a handler answered one request, for an observer (see
// WithOutcome): the vendor that answered, the status and, for anything but
// a 2xx, the error that chose it.
type Outcome struct {
	Vendor string
	Status int
	Err    error
}

type outcomeKey struct{}

// WithOutcome returns ctx carrying o: the Handler (or the shared endpoint)
// serving a request with that context records its answer in o.
func WithOutcome(ctx context.Context, o *Outcome) context.Context {
	return context.WithValue(ctx, outcomeKey{}, o)
}

// RecordOutcome records an answer in the Outcome of ctx, if there is one.
// The last record wins: the vendor handler behind the shared endpoint
// answers after the endpoint detected it.
func RecordOutcome(ctx context.Context, vendor string, status int, err error) {
	if o, ok := ctx.Value(outcomeKey{}).(*Outcome); ok {
		o.Vendor, o.Status, o.Err = vendor, status, err
	}
}

// ErrCallback marks an error of the user's callback in an Outcome.
var ErrCallback = errors.New("callback failed")

// IsMisconfigured reports whether err is a Handler's Broken error.
func IsMisconfigured(err error) bool {
	var m *misconfigured
	return errors.As(err, &m)
}
