package learnink

import (
	"log/slog"
	"time"

	"github.com/lmshooks/lmshooks/internal/webhook"
)

// Option configures Handler and NewVerifier.
type Option func(*config)

type config struct {
	secrets      []string
	tolerance    time.Duration
	now          func() time.Time
	maxBodyBytes int64
	logger       *slog.Logger
}

func newConfig(opts []Option) config {
	return webhook.Configure(config{tolerance: DefaultTolerance, now: time.Now}, opts)
}

// WithSecrets makes Handler verify every delivery's signature against these
// endpoint secrets ("whsec_..." as the LearnInk dashboard shows them). A
// signature made with any one of them is accepted, so that a secret can be
// rotated. Secrets add up over several WithSecrets. A secret that does not
// decode makes Handler answer every request 500 and log why, so that a
// configuration mistake never turns verification off; check secrets at
// start-up with NewVerifier to fail earlier.
func WithSecrets(secrets ...string) Option {
	return func(c *config) { c.secrets = append(c.secrets, secrets...) }
}

// WithTolerance sets how far svix-timestamp may be from now, in either
// direction (default DefaultTolerance, five minutes). A value of zero or
// less keeps the default.
func WithTolerance(d time.Duration) Option {
	return func(c *config) {
		if d > 0 {
			c.tolerance = d
		}
	}
}

// WithClock sets the clock that signatures' timestamps are checked against
// (default time.Now); for tests.
func WithClock(now func() time.Time) Option {
	return func(c *config) {
		if now != nil {
			c.now = now
		}
	}
}

// WithMaxBodyBytes sets the handler's body size limit (default 4 MiB); a
// larger body is answered 413. It has no effect on Parse.
func WithMaxBodyBytes(n int64) Option {
	return func(c *config) { c.maxBodyBytes = n }
}

// WithLogger sets the logger the handler reports rejected and failed
// deliveries to (default slog.Default()). Bodies, secrets and signatures are
// never logged.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) { c.logger = l }
}
