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
// -max-inflight-bytes limit holds for every route together.
func newMux(cfg config, deliver func(context.Context, *canonical.Delivery) error, logger *slog.Logger) http.Handler {
	opts := []canonical.Option{
		canonical.WithMCG(mcg.WithLogger(logger)),
		canonical.WithEasygenerator(easygenerator.WithAllowedOrigins(cfg.allowOrigins...)),
		canonical.WithBrainCert(braincertOptions(cfg)...),
		canonical.WithToolzz(toolzz.WithLocation(cfg.toolzzLocation)),
		canonical.WithLearnInk(learnink.WithSecrets(cfg.learninkSecrets...)),
		canonical.WithLogger(logger),
	}
	mux := http.NewServeMux()
	mux.Handle("/webhooks", canonical.DeliveryHandler(deliver, opts...))
	for route, vendor := range map[string]canonical.Vendor{
		"/webhooks/mcg":           canonical.VendorMCG,
		"/webhooks/easygenerator": canonical.VendorEasygenerator,
		"/webhooks/toolzz":        canonical.VendorToolzz,
		"/webhooks/braincert":     canonical.VendorBrainCert,
		"/webhooks/learnink":      canonical.VendorLearnInk,
	} {
		mux.Handle(route, canonical.VendorHandler(vendor, deliver, opts...))
	}
	return canonical.NewInflightLimit(cfg.maxInflightBytes).Wrap(mux)
}

func braincertOptions(cfg config) []braincert.Option {
	var opts []braincert.Option
	if user, pass, ok := strings.Cut(cfg.basicAuth, ":"); ok {
		opts = append(opts, braincert.WithBasicAuth(user, pass))
	}
	return opts
}
