package canonical

import (
	"context"
	"log/slog"
	"net/http"

	"github.com/lmshooks/lmshooks/braincert"
	"github.com/lmshooks/lmshooks/easygenerator"
	"github.com/lmshooks/lmshooks/learnink"
	"github.com/lmshooks/lmshooks/mcg"
	"github.com/lmshooks/lmshooks/toolzz"
)

// vendors is the one table of the vendors this package serves: how each is
// detected, parsed and converted, and its handler. Everything else in the
// package (Handler, DeliveryHandler, VendorHandler, ParseRequest,
// DetectVendor, the With* options) reads it; a new vendor is one row here,
// its From* conversion and its With* option.
var vendors = []vendorRow{
	newRow(VendorLearnInk, detectLearnInk, learnink.ParseRequest, FromLearnInk, learnink.Handler, learnink.WithLogger),
	newRow(VendorBrainCert, detectBrainCert, braincert.ParseRequest, FromBrainCert, braincert.Handler, braincert.WithLogger),
	newRow(VendorMCG, detectMCG, mcg.ParseRequest, FromMCG, mcg.Handler, mcg.WithLogger),
	newRow(VendorEasygenerator, detectEasygenerator, easygenerator.ParseRequest, FromEasygenerator, easygenerator.Handler, easygenerator.WithLogger),
	newRow(VendorToolzz, detectToolzz, toolzz.ParseRequest, FromToolzz, toolzz.Handler, toolzz.WithLogger),
}

// The detection rules of DetectVendor (its doc lists them). keys are the
// body's top-level members, matched exactly.
func detectLearnInk(h http.Header, keys members) bool {
	return h.Get("svix-id") != "" || h.Get("webhook-id") != "" ||
		(jsonString(keys.get("object")) == "event" && keys.get("type") != nil)
}

func detectBrainCert(_ http.Header, keys members) bool {
	return keys.get("resource") != nil && keys.get("action") != nil
}

func detectMCG(_ http.Header, keys members) bool {
	return keys.get("Type") != nil || keys.get("EventType") != nil
}

func detectEasygenerator(_ http.Header, keys members) bool {
	return keys.get("courseId") != nil && keys.get("learnerId") != nil
}

func detectToolzz(_ http.Header, keys members) bool {
	raw := keys.get("event")
	if raw == nil {
		return false
	}
	event, err := topLevelKeys(raw)
	return err == nil && event.get("slug") != nil
}

// vendorRow is one vendor of the table.
type vendorRow struct {
	vendor Vendor
	// detect is the vendor's rule in DetectVendor.
	detect func(header http.Header, keys members) bool
	// parse is the vendor package's ParseRequest followed by the
	// conversion, with the options given through With<Vendor>.
	parse func(cfg *endpointConfig, header http.Header, body []byte) ([]Event, error)
	// handler is the vendor package's Handler, whose callback converts and
	// hands each delivery to fn.
	handler func(cfg *endpointConfig, fn func(context.Context, *Delivery) error) http.Handler
}

// newRow builds a row from the vendor package's functions, which share one
// shape in every vendor: ParseRequest(header, body, opts...), Handler(fn,
// opts...) and WithLogger.
func newRow[E, O any](vendor Vendor,
	detect func(http.Header, members) bool,
	parseRequest func(http.Header, []byte, ...O) (E, error),
	convert func(E) ([]Event, error),
	handler func(func(context.Context, E) error, ...O) http.Handler,
	withLogger func(*slog.Logger) O,
) vendorRow {
	return vendorRow{
		vendor: vendor,
		detect: detect,
		parse: func(cfg *endpointConfig, header http.Header, body []byte) ([]Event, error) {
			event, err := parseRequest(header, body, vendorOptions[O](cfg, vendor)...)
			if err != nil {
				return nil, err
			}
			return convert(event)
		},
		handler: func(cfg *endpointConfig, fn func(context.Context, *Delivery) error) http.Handler {
			opts := append(vendorOptions[O](cfg, vendor), withLogger(cfg.logger))
			return handler(func(ctx context.Context, e E) error {
				events, err := convert(e)
				if err != nil {
					return err // the vendor's handler answers 500, so the vendor retries
				}
				return fn(ctx, newDelivery(ctx, vendor, events))
			}, opts...)
		},
	}
}

// rowOf returns the table's row of a vendor.
func rowOf(vendor Vendor) (vendorRow, bool) {
	for _, row := range vendors {
		if row.vendor == vendor {
			return row, true
		}
	}
	return vendorRow{}, false
}

// withVendorOptions is every With<Vendor> option: it adds options of the
// vendor's package to those the endpoint passes it.
func withVendorOptions[O any](vendor Vendor, opts []O) Option {
	return func(c *endpointConfig) {
		if c.vendorOptions == nil {
			c.vendorOptions = make(map[Vendor]any)
		}
		c.vendorOptions[vendor] = append(vendorOptions[O](c, vendor), opts...)
	}
}

// vendorOptions returns a copy of the options given for a vendor.
func vendorOptions[O any](c *endpointConfig, vendor Vendor) []O {
	opts, _ := c.vendorOptions[vendor].([]O)
	return append([]O(nil), opts...)
}

// WithMCG passes options to the mcg package (WithLocation, ...).
func WithMCG(opts ...mcg.Option) Option { return withVendorOptions(VendorMCG, opts) }

// WithEasygenerator passes options to the easygenerator package
// (WithAllowedOrigins, ...). The shared endpoint answers CORS preflights
// with them.
func WithEasygenerator(opts ...easygenerator.Option) Option {
	return withVendorOptions(VendorEasygenerator, opts)
}

// WithBrainCert passes options to the braincert package. With
// braincert.WithBasicAuth, a BrainCert body without those credentials is
// refused (401) at the shared endpoint too.
func WithBrainCert(opts ...braincert.Option) Option {
	return withVendorOptions(VendorBrainCert, opts)
}

// WithToolzz passes options to the toolzz package (WithLocation, ...).
func WithToolzz(opts ...toolzz.Option) Option { return withVendorOptions(VendorToolzz, opts) }

// WithLearnInk passes options to the learnink package. With
// learnink.WithSecrets, a LearnInk body without a valid signature is refused
// (401) at the shared endpoint too.
func WithLearnInk(opts ...learnink.Option) Option {
	return withVendorOptions(VendorLearnInk, opts)
}
