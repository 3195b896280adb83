package forward

import (
	"errors"
	"time"
)

// Mode is the CloudEvents HTTP content mode of the requests.
type Mode string

// The content modes.
const (
	// Structured sends the CloudEvent's JSON as the body (the default).
	Structured Mode = "structured"
	// Binary sends the attributes as ce-* headers and the canonical event
	// as the body.
	Binary Mode = "binary"
)

// Defaults of the options.
const (
	// DefaultTimeout bounds one request, from connecting to the answer.
	DefaultTimeout = 10 * time.Second
	// DefaultMaxConcurrent bounds the requests of one Deliver in flight.
	DefaultMaxConcurrent = 8
)

// ErrInvalidConfig is matched by New's error for an option or argument that
// cannot work.
var ErrInvalidConfig = errors.New("forward: invalid configuration")

// Option configures New.
type Option func(*config)

type config struct {
	mode          Mode
	timeout       time.Duration
	maxConcurrent int
}

func newConfig(opts []Option) config {
	cfg := config{mode: Structured, timeout: DefaultTimeout, maxConcurrent: DefaultMaxConcurrent}
	for _, opt := range opts {
		opt(&cfg)
	}
	return cfg
}

// WithMode sets the content mode, Structured (the default) or Binary.
func WithMode(mode Mode) Option { return func(c *config) { c.mode = mode } }

// WithTimeout bounds each request (default DefaultTimeout); one that takes
// longer fails and is retried.
func WithTimeout(d time.Duration) Option { return func(c *config) { c.timeout = d } }

// WithMaxConcurrent bounds the requests of one Deliver in flight (default
// DefaultMaxConcurrent).
func WithMaxConcurrent(n int) Option { return func(c *config) { c.maxConcurrent = n } }
