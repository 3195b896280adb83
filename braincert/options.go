package braincert

import (
	"log/slog"
	"time"

	"github.com/lmshooks/lmshooks/internal/webhook"
)

// Option configures Parse, ParseXML, ParseContent and Handler.
type Option func(*config)

type config struct {
	location     *time.Location
	maxBodyBytes int64
	logger       *slog.Logger
	auth         *basicAuth
	authErr      error // WithBasicAuth was given an empty half
}

func newConfig(opts []Option) config { return webhook.Configure(config{}, opts) }

// WithLocation reads times that BrainCert sends without an offset as
// wall-clock time in loc instead of UTC. Every documented time carries "Z",
// so this matters only for bodies that differ from the docs.
func WithLocation(loc *time.Location) Option {
	return func(c *config) { c.location = loc }
}

// WithMaxBodyBytes sets the handler's body size limit (default 4 MiB); a
// larger body is answered 413. It has no effect on the parse functions.
func WithMaxBodyBytes(n int64) Option {
	return func(c *config) { c.maxBodyBytes = n }
}

// WithLogger sets the logger the handler reports rejected and failed
// deliveries to (default slog.Default()). Bodies and credentials are never
// logged.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) { c.logger = l }
}

// WithBasicAuth makes the handler require HTTP Basic authentication with
// this username and password, the pair entered in BrainCert's webhook form
// under "Basic Authentication: Yes". A request without them or with other
// ones is answered 401 before its body is read. The values are compared in
// constant time. It has no effect on the parse functions.
//
// An empty username or password (an unset environment variable, say) fails
// closed: Handler logs the mistake once at ERROR and answers every request
// 500, and Authenticate returns an error matching ErrEmptyCredentials, so
// that a configuration mistake never accepts a caller who sends an empty
// password.
//
// Without this option the handler accepts every request: use that for
// development only.
func WithBasicAuth(username, password string) Option {
	return func(c *config) {
		c.auth, c.authErr = newBasicAuth(username, password)
	}
}
