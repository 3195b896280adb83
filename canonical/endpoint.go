package canonical

import (
	"context"
	"log/slog"
	"net/http"

	"github.com/lmshooks/lmshooks/easygenerator"
	"github.com/lmshooks/lmshooks/internal/webhook"
)

// Option configures Handler and ParseRequest, the one endpoint for every
// vendor.
type Option func(*endpointConfig)

type endpointConfig struct {
	// vendorOptions holds, for each vendor, the []O of its package's
	// options given with With<Vendor> (see vendors.go).
	vendorOptions map[Vendor]any
	dedup         DedupStore
	inflight      *InflightLimit
	maxBodyBytes  int64
	logger        *slog.Logger
}

func newEndpointConfig(opts []Option) endpointConfig {
	var cfg endpointConfig
	for _, opt := range opts {
		opt(&cfg)
	}
	if cfg.maxBodyBytes <= 0 {
		cfg.maxBodyBytes = webhook.DefaultMaxBodyBytes
	}
	if cfg.logger == nil {
		cfg.logger = slog.Default()
	}
	return cfg
}

// WithDedup makes Handler hand each canonical event id to the callback once
// (see Deduplicate).
func WithDedup(store DedupStore) Option {
	return func(c *endpointConfig) { c.dedup = store }
}

// WithMaxBodyBytes limits the body the endpoint reads to detect the vendor
// (default 4 MiB); a larger body is answered 413. A vendor's own
// WithMaxBodyBytes still applies after detection.
func WithMaxBodyBytes(n int64) Option {
	return func(c *endpointConfig) { c.maxBodyBytes = n }
}

// WithLogger sets the logger of the endpoint and of every vendor handler
// behind it (default slog.Default()).
func WithLogger(l *slog.Logger) Option {
	return func(c *endpointConfig) { c.logger = l }
}

// Handler returns one http.Handler for every vendor: it reads the body,
// tells the vendor with DetectVendor, and passes the request on to that
// vendor's own handler (so its credentials, signature check, validation and
// limits apply unchanged), whose callback converts the event and calls fn
// with each canonical event.
//
// Beyond the vendor handlers' answers, it answers 400 to a body no vendor's
// rule claims, 413 to a body over its limit, 415 to a Content-Encoding other
// than identity (before reading the body), 204 to a CORS preflight (for
// Easygenerator's browser posts) and 405 to any other method but POST.
// Every answer carries Easygenerator's CORS headers.
func Handler(fn func(ctx context.Context, e Event) error, opts ...Option) http.Handler {
	cfg := newEndpointConfig(opts)
	if cfg.dedup != nil {
		fn = Deduplicate(cfg.dedup, fn)
	}
	return newEndpoint(cfg, EachEvent(fn))
}

// DeliveryHandler is Handler for code that stores or forwards whole
// deliveries: fn receives each request's raw body, its identifying headers
// and all its canonical events at once (see Delivery), and the sender gets
// 2xx only after fn returned nil. WithDedup does not apply: a store that
// keeps deliveries de-duplicates by event id itself.
func DeliveryHandler(fn func(ctx context.Context, d *Delivery) error, opts ...Option) http.Handler {
	return newEndpoint(newEndpointConfig(opts), fn)
}

// VendorHandler is DeliveryHandler for one vendor's own route: it serves
// only that vendor's deliveries, through the vendor package's handler (its
// credentials, signature check and CORS apply as configured with WithMCG,
// WithBrainCert, ...). It returns nil for a Vendor that is not known.
func VendorHandler(vendor Vendor, fn func(ctx context.Context, d *Delivery) error, opts ...Option) http.Handler {
	row, ok := rowOf(vendor)
	if !ok {
		return nil
	}
	cfg := newEndpointConfig(opts)
	return cfg.limitInflight(row.handler(&cfg, fn))
}

func newEndpoint(cfg endpointConfig, fn func(context.Context, *Delivery) error) http.Handler {
	e := &endpoint{cfg: cfg, vendors: make(map[Vendor]http.Handler, len(vendors))}
	for _, row := range vendors {
		e.vendors[row.vendor] = row.handler(&cfg, fn)
	}
	return cfg.limitInflight(easygenerator.CORS(vendorOptions[easygenerator.Option](&cfg, VendorEasygenerator)...)(e))
}

// limitInflight puts h under the configured InflightLimit, if any.
func (cfg endpointConfig) limitInflight(h http.Handler) http.Handler {
	if cfg.inflight == nil {
		return h
	}
	return cfg.inflight.Wrap(h)
}

type endpoint struct {
	cfg     endpointConfig
	vendors map[Vendor]http.Handler
}

// ServeHTTP reads the body once, detects the vendor and replays the request
// to that vendor's handler.
func (e *endpoint) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		e.reject(w, r, http.StatusMethodNotAllowed, webhook.ErrMethodNotAllowed)
		return
	}
	if err := webhook.CheckContentEncoding(r.Header); err != nil {
		e.reject(w, r, webhook.StatusFor(err), err)
		return
	}
	body, err := webhook.ReadBody(w, r, e.cfg.maxBodyBytes)
	if err != nil {
		e.reject(w, r, webhook.StatusFor(err), err)
		return
	}
	vendor, err := DetectVendor(r.Header, body)
	if err != nil {
		e.reject(w, r, http.StatusBadRequest, err)
		return
	}
	r.Body = webhook.ReplayBody(body)
	r.ContentLength = int64(len(body))
	e.vendors[vendor].ServeHTTP(w, r)
}

func (e *endpoint) reject(w http.ResponseWriter, r *http.Request, status int, err error) {
	if status == http.StatusMethodNotAllowed && w.Header().Get("Allow") == "" {
		w.Header().Set("Allow", http.MethodPost)
	}
	webhook.RecordOutcome(r.Context(), "", status, err)
	e.cfg.logger.InfoContext(r.Context(), "webhook rejected", "status", status, "error", err)
	if status == http.StatusServiceUnavailable {
		webhook.WriteBusy(w, r, e.cfg.maxBodyBytes, err)
		return
	}
	webhook.WriteError(w, status, err)
}

// ParseRequest detects the vendor of a delivery from its header and body,
// checks the credentials or signature configured for that vendor
// (WithBrainCert(braincert.WithBasicAuth(...)),
// WithLearnInk(learnink.WithSecrets(...))), parses it with the vendor's
// package and converts it. Errors match ErrUndetectable or the vendor
// package's error kinds (ErrMalformed, ErrInvalid, ErrUnauthorized, ...).
func ParseRequest(header http.Header, body []byte, opts ...Option) ([]Event, error) {
	vendor, err := DetectVendor(header, body)
	if err != nil {
		return nil, err
	}
	row, _ := rowOf(vendor) // DetectVendor names only vendors of the table
	cfg := newEndpointConfig(opts)
	return row.parse(&cfg, header, body)
}
