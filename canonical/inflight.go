package canonical

import (
	"net/http"
	"time"

	"github.com/lmshooks/lmshooks/internal/webhook"
)

// DefaultMaxInflightBytes is the limit NewInflightLimit sets for a maxBytes
// of zero or less: 64 MiB, sixteen bodies of the default 4 MiB limit.
const DefaultMaxInflightBytes int64 = 64 << 20

// InflightWait is how long a request waits for room under an InflightLimit,
// counted from its arrival, before it is answered 503.
const InflightWait = time.Second

// InflightLimit bounds the request body bytes that every handler sharing it
// holds at once: the shared endpoint and every vendor route behind one
// limit, so that many large bodies sent together (no vendor but BrainCert
// and LearnInk can tell a stranger from itself) cannot exhaust memory.
//
// A request reserves its declared Content-Length before its body is read,
// or, for a chunked body of unknown length, each 64 KiB before reading it,
// so that no body holds bytes it did not reserve; it gives them back when
// its handler returns, after the callback. A request that finds no room
// waits up to InflightWait for others to finish and is then answered 503
// with Retry-After: 1 and {"error": "..."}, without reading its body or
// calling the callback (vendors retry a 5xx). A body larger than the whole
// limit is answered 503 at once, so the limit should be well above the
// handlers' body limit (WithMaxBodyBytes, 4 MiB by default).
//
// The limit counts body bytes, not the memory parsing them takes (a few
// times the body at most): size it at a fraction of the memory you can
// give the receiver. One InflightLimit is safe for concurrent use.
type InflightLimit struct {
	limit *webhook.Inflight
}

// NewInflightLimit returns a limit of maxBytes body bytes held at once by
// all the requests it is given to; zero or less means
// DefaultMaxInflightBytes.
func NewInflightLimit(maxBytes int64) *InflightLimit {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxInflightBytes
	}
	return &InflightLimit{limit: webhook.NewInflight(maxBytes, InflightWait)}
}

// Wrap returns h with its requests' bodies counted against l, for a
// handler built without WithInflightLimit, such as a vendor package's own
// (mcg.Handler, ...) or a whole http.ServeMux of them. Where limits nest
// (Wrap around a Handler built WithInflightLimit), the outermost applies.
func (l *InflightLimit) Wrap(h http.Handler) http.Handler {
	return l.limit.Wrap(h)
}

// WithInflightLimit counts the bodies that Handler, DeliveryHandler or
// VendorHandler reads against l (see InflightLimit); give the same l to
// every handler that should share it. A nil l sets no limit.
func WithInflightLimit(l *InflightLimit) Option {
	return func(c *endpointConfig) { c.inflight = l }
}
