package mcg

import (
	"log/slog"
	"time"

	"github.com/lmshooks/lmshooks/internal/webhook"
)

// Option configures Parse and Handler.
type Option func(*config)

type config struct {
	location     *time.Location
	maxBodyBytes int64
	logger       *slog.Logger
}

func newConfig(opts []Option) config { return webhook.Configure(config{}, opts) }

// WithLocation reads times that MCG sends without an offset (answeredAt) as
// wall-clock time in loc instead of UTC.
func WithLocation(loc *time.Location) Option {
	return func(c *config) { c.location = loc }
}

// WithMaxBodyBytes sets the handler's body size limit (default 4 MiB); a
// larger body is answered 413. It has no effect on Parse.
func WithMaxBodyBytes(n int64) Option {
	return func(c *config) { c.maxBodyBytes = n }
}

// WithLogger sets the logger the handler reports rejected and failed
// deliveries to (default slog.Default()). Bodies are never logged.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) { c.logger = l }
}
