package jetstream

import "time"

// Defaults of the options.
const (
	// DefaultStream is the stream name the receiver's -nats-stream defaults to.
	DefaultStream = "LMSHOOKS"
	// DefaultSubjectPrefix starts every subject.
	DefaultSubjectPrefix = "lmshooks"
	// DefaultAckTimeout bounds the wait for one publish's acknowledgement.
	DefaultAckTimeout = 10 * time.Second
	// DefaultDuplicateWindow is the duplicate window of a stream the sink
	// creates: long enough to cover a relay's retries of an event whose
	// acknowledgement was lost.
	DefaultDuplicateWindow = time.Hour
	// DefaultMaxPending bounds the publishes awaiting acknowledgement; a
	// larger batch waits for acknowledgements before it publishes more.
	DefaultMaxPending = 256
)

// Option configures New.
type Option func(*config)

type config struct {
	credsFile    string
	stream       string
	createStream bool
	prefix       string
	ackTimeout   time.Duration
	maxPending   int
}

func newConfig(opts []Option) config {
	cfg := config{
		stream:     DefaultStream,
		prefix:     DefaultSubjectPrefix,
		ackTimeout: DefaultAckTimeout,
		maxPending: DefaultMaxPending,
	}
	for _, opt := range opts {
		opt(&cfg)
	}
	return cfg
}

// WithCredsFile authenticates with a NATS credentials file (a user JWT and
// its NKey seed), as the receiver's creds file flag gives it. Credentials in
// the URL (nats://user:pass@host, nats://token@host) need no option.
func WithCredsFile(path string) Option { return func(c *config) { c.credsFile = path } }

// WithStream names the stream the events must land in (default
// DefaultStream): a publish that another stream captures fails.
func WithStream(name string) Option { return func(c *config) { c.stream = name } }

// WithCreateStream(true) creates the stream when it does not exist, with
// subjects "<prefix>.>". An existing stream is never changed.
func WithCreateStream(create bool) Option { return func(c *config) { c.createStream = create } }

// WithSubjectPrefix sets the subject's first tokens (default
// DefaultSubjectPrefix); it may hold dots, such as "acme.lms".
func WithSubjectPrefix(prefix string) Option { return func(c *config) { c.prefix = prefix } }

// WithAckTimeout bounds the wait for each publish's acknowledgement
// (default DefaultAckTimeout); an event not acknowledged in time is retried.
func WithAckTimeout(d time.Duration) Option { return func(c *config) { c.ackTimeout = d } }

// WithMaxPending bounds the publishes awaiting acknowledgement at once
// (default DefaultMaxPending).
func WithMaxPending(n int) Option { return func(c *config) { c.maxPending = n } }
