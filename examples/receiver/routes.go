package main

import (
	"context"
	"log/slog"
	"net/http"
	"strings"

	"github.com/lmshooks/lmshooks/braincert"
	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/easygenerator"
	"github.com/lmshooks/lmshooks/learnink"
	"github.com/lmshooks/lmshooks/mcg"
	"github.com/lmshooks/lmshooks/toolzz"
)

// newMux mounts the one endpoint for every vendor, /webhooks, and one route
// per vendor. Each hands deliver the whole delivery with its canonical
// events; an error there answers 500, so that the vendor sends it again. One
// -max-inflight-bytes limit holds for every route together. Each delivery
// is logged once (see observeDeliveries); any other path is a JSON 404.
func newMux(cfg config, deliver func(context.Context, *canonical.Delivery) error, logger *slog.Logger) http.Handler {
	return newRoutes(cfg, deliver, logger, nil)
}

// service is what the operators' endpoints read: /metrics, /readyz.
type service struct {
	metrics   *promMetrics
	readiness *readiness
	// inflight is set by newRoutes: the limit every webhook route shares.
	inflight *canonical.InflightLimit
}

// newRoutes is newMux with, when svc is not nil, /healthz, /readyz and
// /metrics, and every delivery counted in svc.metrics.
func newRoutes(cfg config, deliver func(context.Context, *canonical.Delivery) error, logger *slog.Logger, svc *service) http.Handler {
	// The handlers' own INFO line per rejection would repeat the delivery
	// line; their WARN and ERROR lines (misconfiguration, a failed
	// callback, a panic's stack) stay, but for a delivery the full store
	// refused (fullStoreLog says that once a minute).
	quiet := slog.New(quietWhenFull{atLeast{Handler: logger.Handler(), level: slog.LevelWarn}})
	opts := []canonical.Option{
		canonical.WithMCG(mcg.WithLogger(quiet)),
		canonical.WithEasygenerator(easygenerator.WithAllowedOrigins(cfg.allowOrigins...)),
		canonical.WithBrainCert(braincertOptions(cfg)...),
		canonical.WithToolzz(toolzz.WithLocation(cfg.toolzzLocation)),
		canonical.WithLearnInk(learnink.WithSecrets(cfg.learninkSecrets...)),
		canonical.WithLogger(quiet),
	}
	limit := canonical.NewInflightLimit(cfg.maxInflightBytes)
	var m *promMetrics
	if svc != nil {
		m, svc.inflight = svc.metrics, limit
	}
	route := func(h http.Handler) http.Handler { return observeDeliveries(limit.Wrap(h), logger, m) }
	deliver = noting(deliver)
	mux := http.NewServeMux()
	mux.Handle("/webhooks", route(canonical.DeliveryHandler(deliver, opts...)))
	for path, vendor := range map[string]canonical.Vendor{
		"/webhooks/mcg":           canonical.VendorMCG,
		"/webhooks/easygenerator": canonical.VendorEasygenerator,
		"/webhooks/toolzz":        canonical.VendorToolzz,
		"/webhooks/braincert":     canonical.VendorBrainCert,
		"/webhooks/learnink":      canonical.VendorLearnInk,
	} {
		mux.Handle(path, route(canonical.VendorHandler(vendor, deliver, opts...)))
	}
	mux.HandleFunc("/", notFound)
	if svc != nil {
		mux.Handle("/healthz", onlyGet(http.HandlerFunc(healthz)))
		mux.Handle("/readyz", onlyGet(http.HandlerFunc(svc.readiness.readyz)))
		mux.Handle("/metrics", onlyGet(svc.metrics.handler()))
	}
	return mux
}

// atLeast is a slog.Handler that drops records below level.
type atLeast struct {
	slog.Handler
	level slog.Level
}

func (h atLeast) Enabled(ctx context.Context, l slog.Level) bool {
	return l >= h.level && h.Handler.Enabled(ctx, l)
}

func (h atLeast) WithAttrs(attrs []slog.Attr) slog.Handler {
	return atLeast{Handler: h.Handler.WithAttrs(attrs), level: h.level}
}

func (h atLeast) WithGroup(name string) slog.Handler {
	return atLeast{Handler: h.Handler.WithGroup(name), level: h.level}
}

func braincertOptions(cfg config) []braincert.Option {
	var opts []braincert.Option
	if user, pass, ok := strings.Cut(cfg.basicAuth, ":"); ok {
		opts = append(opts, braincert.WithBasicAuth(user, pass))
	}
	return opts
}
