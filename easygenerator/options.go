package easygenerator

import (
	"log/slog"
	"strings"
	"time"

	"github.com/lmshooks/lmshooks/internal/webhook"
)

// DefaultMaxAge is how long a browser may cache the answer to a preflight
// unless WithMaxAge says otherwise.
const DefaultMaxAge = 10 * time.Minute

// Option configures Handler and CORS.
type Option func(*config)

type config struct {
	origins      []string // allowed origins; nil means any ("*")
	maxAge       time.Duration
	maxBodyBytes int64
	logger       *slog.Logger
}

func newConfig(opts []Option) config { return webhook.Configure(config{maxAge: DefaultMaxAge}, opts) }

// WithAllowedOrigins names the origins (such as "https://learn.example.com")
// whose pages may read the handler's answers. The default, and any list
// holding "*", allows every origin with "Access-Control-Allow-Origin: *".
// With a list, a request's Origin that matches an entry (case aside) is
// echoed back, with "Vary: Origin"; other origins get no
// Access-Control-Allow-Origin. Blank entries and trailing slashes are
// ignored, so strings.Split of a flag value works; a list with no entry
// left keeps the default.
func WithAllowedOrigins(origins ...string) Option {
	return func(c *config) {
		var list []string
		for _, o := range origins {
			o = strings.TrimRight(strings.TrimSpace(o), "/")
			if o == "*" {
				c.origins = nil
				return
			}
			if o != "" {
				list = append(list, o)
			}
		}
		c.origins = list
	}
}

// WithMaxAge sets how long a browser may cache the answer to a preflight
// (Access-Control-Max-Age, in whole seconds; default DefaultMaxAge). A
// negative d is read as 0. Browsers cap the value (Chromium at 2 hours).
func WithMaxAge(d time.Duration) Option {
	return func(c *config) { c.maxAge = max(d, 0) }
}

// WithMaxBodyBytes sets the handler's body size limit (default 4 MiB); a
// larger body is answered 413. It has no effect on CORS.
func WithMaxBodyBytes(n int64) Option {
	return func(c *config) { c.maxBodyBytes = n }
}

// WithLogger sets the logger the handler reports rejected and failed
// deliveries to (default slog.Default()). Bodies are never logged.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) { c.logger = l }
}
