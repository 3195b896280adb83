package jetstream

import "errors"

// Errors that the errors of New and Deliver match.
var (
	// ErrInvalidConfig: an option's value cannot work (an empty stream name,
	// a prefix that is not a subject, a non-positive timeout).
	ErrInvalidConfig = errors.New("jetstream: invalid configuration")
	// ErrStreamNotFound: the stream does not exist and the sink was not
	// asked to create it.
	ErrStreamNotFound = errors.New("jetstream: stream not found")
	// ErrInvalidSubject: an event's vendor or type is not a valid subject
	// token. Deliver rejects such an event (it also matches
	// sink.ErrRejected).
	ErrInvalidSubject = errors.New("jetstream: not a valid subject token")
	// ErrNoID: an event has no id, so the stream could not drop a repeat of
	// it. Deliver rejects such an event.
	ErrNoID = errors.New("jetstream: the event has no id")
	// ErrDisconnected: the connection to NATS is down (reconnecting); the
	// event is retried later.
	ErrDisconnected = errors.New("jetstream: not connected to NATS")
)
