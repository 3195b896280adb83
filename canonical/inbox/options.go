package inbox

import (
	"log/slog"
	"time"
)

// DefaultRetention is how long a Store keeps events and raw deliveries,
// and so how long it recognises a delivery sent again, unless WithRetention
// says otherwise.
const DefaultRetention = 30 * 24 * time.Hour

// Option configures Open.
type Option func(*config)

type config struct {
	retention     time.Duration
	pruneInterval time.Duration
	maxBatch      int
	gatherDelay   time.Duration
	queue         int
	logger        *slog.Logger
	sinks         []string
	maxBytes      int64
}

func newConfig(opts []Option) config {
	cfg := config{
		retention:     DefaultRetention,
		pruneInterval: time.Hour,
		maxBatch:      256,
		gatherDelay:   time.Millisecond,
		queue:         4096,
		logger:        slog.Default(),
	}
	for _, opt := range opts {
		opt(&cfg)
	}
	return cfg
}

// WithRetention sets how long events and raw deliveries are kept (default
// 30 days), counted from when the delivery was received. An event id is
// recognised as a duplicate for that long; after it, the same event is
// stored again. Zero or less keeps everything.
func WithRetention(d time.Duration) Option {
	return func(c *config) { c.retention = d }
}

// WithPruneInterval sets how often the Store prunes what is older than the
// retention age (default hourly; zero or less: only when Prune is called).
func WithPruneInterval(d time.Duration) Option {
	return func(c *config) { c.pruneInterval = d }
}

// WithMaxBatch caps how many deliveries share one transaction (default
// 256, at least 1).
func WithMaxBatch(n int) Option {
	return func(c *config) { c.maxBatch = max(n, 1) }
}

// WithGatherDelay sets how long the writer waits for more deliveries
// before a commit when deliveries are arriving concurrently (default 1 ms;
// zero: never waits). A lone delivery is never delayed.
func WithGatherDelay(d time.Duration) Option {
	return func(c *config) { c.gatherDelay = d }
}

// WithQueue caps how many deliveries wait for the writer (default 4096, at
// least 1); a Save beyond it waits for room or for its context.
func WithQueue(n int) Option {
	return func(c *config) { c.queue = max(n, 1) }
}

// WithLogger sets the logger for pruning and writer errors (default
// slog.Default()).
func WithLogger(l *slog.Logger) Option {
	return func(c *config) { c.logger = l }
}

// WithSinks names the sinks (sink.Sink.Name) that every new event is
// delivered to: for each, an outbox row is committed in the same
// transaction as the event, and a Relay delivers it. Without it nothing is
// queued for delivery.
func WithSinks(names ...string) Option {
	return func(c *config) { c.sinks = append(c.sinks, names...) }
}
