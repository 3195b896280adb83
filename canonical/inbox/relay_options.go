package inbox

import (
	"log/slog"
	"time"
)

// RelayOption configures NewRelay.
type RelayOption func(*relayConfig)

type relayConfig struct {
	batch       int
	poll        time.Duration
	maxAttempts int
	maxAge      time.Duration
	baseBackoff time.Duration
	maxBackoff  time.Duration
	lease       time.Duration
	timeout     time.Duration
	logger      *slog.Logger
}

// WithRelayBatch sets how many events one Deliver call gets (default 100).
func WithRelayBatch(n int) RelayOption { return func(c *relayConfig) { c.batch = max(n, 1) } }

// WithRelayPoll sets how often Run looks for due rows when there were
// none (default 500 ms).
func WithRelayPoll(d time.Duration) RelayOption { return func(c *relayConfig) { c.poll = d } }

// WithRelayGiveUp sets when a failing row becomes dead: after attempts
// deliveries (default 10), or once it is older than age (default 24 h).
func WithRelayGiveUp(attempts int, age time.Duration) RelayOption {
	return func(c *relayConfig) { c.maxAttempts, c.maxAge = max(attempts, 1), age }
}

// WithRelayBackoff sets the retry delay: base doubled at each failed
// attempt up to max (defaults 1 s and 10 min), each with jitter (a random
// half of it added to the other half), so that sinks recovering from an
// outage are not hit by every row at once.
func WithRelayBackoff(base, max time.Duration) RelayOption {
	return func(c *relayConfig) { c.baseBackoff, c.maxBackoff = base, max }
}

// WithRelayLease sets how long a row claimed for delivery is kept from
// other relays (default 1 min, and at least the Deliver timeout): if the
// process dies mid-delivery, the row is due again after it.
func WithRelayLease(d time.Duration) RelayOption { return func(c *relayConfig) { c.lease = d } }

// WithRelayTimeout bounds one Deliver call (default 30 s).
func WithRelayTimeout(d time.Duration) RelayOption { return func(c *relayConfig) { c.timeout = d } }

// WithRelayLogger sets the relay's logger (default slog.Default()).
func WithRelayLogger(l *slog.Logger) RelayOption { return func(c *relayConfig) { c.logger = l } }
