package forward

import (
	"errors"
	"fmt"
)

// ErrNoID is matched by the error of an event without an id: a receiver
// could not drop a repeat of it, so it is rejected (sink.ErrRejected).
var ErrNoID = errors.New("forward: the event has no id")

// StatusError is the error of an event the endpoint answered with a status
// other than 2xx. It is retried.
type StatusError struct {
	EventID    string
	StatusCode int
	// Body is the start of the answer's body (at most 512 bytes), to show
	// what the endpoint said.
	Body string
}

// Error says which event got which answer.
func (e *StatusError) Error() string {
	return fmt.Sprintf("forward: event %s: the endpoint answered %d %q", e.EventID, e.StatusCode, e.Body)
}
