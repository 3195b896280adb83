package canonical

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"

	"github.com/lmshooks/lmshooks/braincert"
	"github.com/lmshooks/lmshooks/easygenerator"
	"github.com/lmshooks/lmshooks/internal/webhook"
	"github.com/lmshooks/lmshooks/learnink"
	"github.com/lmshooks/lmshooks/mcg"
	"github.com/lmshooks/lmshooks/toolzz"
)

// Option configures Handler and ParseRequest, the one endpoint for every
// vendor.
type Option func(*endpointConfig)

type endpointConfig struct {
	mcg           []mcg.Option
	easygenerator []easygenerator.Option
	braincert     []braincert.Option
	toolzz        []toolzz.Option
	learnink      []learnink.Option
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

// WithMCG passes options to the mcg package (WithLocation, ...).
func WithMCG(opts ...mcg.Option) Option {
	return func(c *endpointConfig) { c.mcg = append(c.mcg, opts...) }
}

// WithEasygenerator passes options to the easygenerator package
// (WithAllowedOrigins, ...). The endpoint answers CORS preflights with them.
func WithEasygenerator(opts ...easygenerator.Option) Option {
	return func(c *endpointConfig) { c.easygenerator = append(c.easygenerator, opts...) }
}

// WithBrainCert passes options to the braincert package. With
// braincert.WithBasicAuth, a BrainCert body without those credentials is
// refused (401) at the shared endpoint too.
func WithBrainCert(opts ...braincert.Option) Option {
	return func(c *endpointConfig) { c.braincert = append(c.braincert, opts...) }
}

// WithToolzz passes options to the toolzz package (WithLocation, ...).
func WithToolzz(opts ...toolzz.Option) Option {
	return func(c *endpointConfig) { c.toolzz = append(c.toolzz, opts...) }
}

// WithLearnInk passes options to the learnink package. With
// learnink.WithSecrets, a LearnInk body without a valid signature is refused
// (401) at the shared endpoint too.
func WithLearnInk(opts ...learnink.Option) Option {
	return func(c *endpointConfig) { c.learnink = append(c.learnink, opts...) }
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
	return newEndpoint(cfg, eachEvent(fn))
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
	cfg := newEndpointConfig(opts)
	h, ok := vendorHandlers(cfg, fn)[vendor]
	if !ok {
		return nil
	}
	return cfg.limitInflight(h)
}

func newEndpoint(cfg endpointConfig, fn func(context.Context, *Delivery) error) http.Handler {
	e := &endpoint{cfg: cfg, vendors: vendorHandlers(cfg, fn)}
	return cfg.limitInflight(easygenerator.CORS(append(cfg.easygenerator, easygenerator.WithLogger(cfg.logger))...)(e))
}

// limitInflight puts h under the configured InflightLimit, if any.
func (cfg endpointConfig) limitInflight(h http.Handler) http.Handler {
	if cfg.inflight == nil {
		return h
	}
	return cfg.inflight.Wrap(h)
}

// vendorHandlers builds each vendor's handler with a callback that converts
// its event and hands the delivery to fn.
func vendorHandlers(cfg endpointConfig, fn func(context.Context, *Delivery) error) map[Vendor]http.Handler {
	return map[Vendor]http.Handler{
		VendorMCG: mcg.Handler(func(ctx context.Context, e mcg.Event) error {
			return deliver(ctx, VendorMCG, fn)(FromMCG(e))
		}, append(cfg.mcg, mcg.WithLogger(cfg.logger))...),
		VendorEasygenerator: easygenerator.Handler(func(ctx context.Context, e easygenerator.Event) error {
			return deliver(ctx, VendorEasygenerator, fn)(FromEasygenerator(e))
		}, append(cfg.easygenerator, easygenerator.WithLogger(cfg.logger))...),
		VendorBrainCert: braincert.Handler(func(ctx context.Context, e braincert.Event) error {
			return deliver(ctx, VendorBrainCert, fn)(FromBrainCert(e))
		}, append(cfg.braincert, braincert.WithLogger(cfg.logger))...),
		VendorToolzz: toolzz.Handler(func(ctx context.Context, e toolzz.Event) error {
			return deliver(ctx, VendorToolzz, fn)(FromToolzz(e))
		}, append(cfg.toolzz, toolzz.WithLogger(cfg.logger))...),
		VendorLearnInk: learnink.Handler(func(ctx context.Context, e learnink.Event) error {
			return deliver(ctx, VendorLearnInk, fn)(FromLearnInk(e))
		}, append(cfg.learnink, learnink.WithLogger(cfg.logger))...),
	}
}

// deliver hands the converted events of the request being served to fn as
// one Delivery; a conversion error is returned as it is, so the vendor's
// handler answers 500 and the vendor retries.
func deliver(ctx context.Context, vendor Vendor, fn func(context.Context, *Delivery) error) func([]Event, error) error {
	return func(events []Event, err error) error {
		if err != nil {
			return err
		}
		return fn(ctx, newDelivery(ctx, vendor, events))
	}
}

type endpoint struct {
	cfg     endpointConfig
	vendors map[Vendor]http.Handler
}

// ServeHTTP reads the body once, detects the vendor and replays the request
// to that vendor's handler.
func (e *endpoint) ServeHTTP(w http.ResponseWriter, r *http.Request) {
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
	e.cfg.logger.InfoContext(r.Context(), "webhook rejected", "vendor", "", "status", status, "error", err)
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
	cfg := newEndpointConfig(opts)
	vendor, err := DetectVendor(header, body)
	if err != nil {
		return nil, err
	}
	switch vendor {
	case VendorMCG:
		return convert(mcg.Parse(body, cfg.mcg...))(FromMCG)
	case VendorEasygenerator:
		return convert(easygenerator.Parse(body))(FromEasygenerator)
	case VendorBrainCert:
		if err := braincert.Authenticate(header, cfg.braincert...); err != nil {
			return nil, err
		}
		return convert(braincert.ParseContent(header.Get("Content-Type"), body, cfg.braincert...))(FromBrainCert)
	case VendorToolzz:
		return convert(toolzz.Parse(body, cfg.toolzz...))(FromToolzz)
	case VendorLearnInk:
		if err := verifyLearnInk(header, body, cfg.learnink); err != nil {
			return nil, err
		}
		return convert(learnink.ParseRequest(body, header, cfg.learnink...))(FromLearnInk)
	}
	return nil, fmt.Errorf("canonical: no parser for vendor %q", vendor) // unreachable: DetectVendor returns known vendors
}

// verifyLearnInk checks the signature when secrets are configured; without
// any it accepts the delivery, as learnink.Handler does.
func verifyLearnInk(header http.Header, body []byte, opts []learnink.Option) error {
	verifier, err := learnink.NewVerifier(opts...)
	switch {
	case errors.Is(err, learnink.ErrNoSecrets):
		return nil
	case err != nil:
		return err
	}
	return verifier.Verify(body, header)
}

// convert chains a vendor parse with its conversion.
func convert[E any](event E, err error) func(func(E) ([]Event, error)) ([]Event, error) {
	return func(from func(E) ([]Event, error)) ([]Event, error) {
		if err != nil {
			return nil, err
		}
		return from(event)
	}
}
