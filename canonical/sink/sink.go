// Package sink defines what a destination of canonical events implements,
// so that one relay (the inbox's outbox) can deliver to a Learning Record
// Store, a message broker or an HTTP service alike.
package sink

import (
	"context"
	"errors"

	"github.com/lmshooks/lmshooks/canonical"
)

// Sink delivers canonical events to one destination. It must be safe for
// concurrent use.
type Sink interface {
	// Name identifies the sink in the outbox, stably across restarts, such
	// as "lrs" or "nats". It must be unique among the sinks of one relay.
	Name() string
	// Deliver sends events to the destination. It returns nil when every
	// event was delivered, else a slice of len(events) errors, nil for each
	// event that was delivered. An error that matches ErrRejected will not
	// succeed however often it is retried (the destination refused the
	// event itself); any other error is retried later.
	Deliver(ctx context.Context, events []canonical.Event) []error
}

// ErrRejected marks a failure that retrying cannot fix: the destination
// refused the event itself (an LRS's 400 for one statement, a 409
// conflict). A relay marks such an event dead at once, keeping the error.
var ErrRejected = errors.New("rejected by the destination")

// Reject wraps err so that it matches ErrRejected as well as err.
func Reject(err error) error {
	if err == nil {
		return nil
	}
	return &rejected{err}
}

type rejected struct{ err error }

func (r *rejected) Error() string   { return r.err.Error() }
func (r *rejected) Unwrap() []error { return []error{ErrRejected, r.err} }
