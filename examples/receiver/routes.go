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
// per vendor. Each route's callback converts the
// vendor event to canonical events and hands each to deliver; an error there
// answers 500, so that the vendor sends the event again. One
// -max-inflight-bytes limit holds for every route together.
func newMux(cfg config, deliver func(context.Context, canonical.Event) error, logger *slog.Logger) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/webhooks", canonical.Handler(deliver,
		canonical.WithMCG(mcg.WithLogger(logger)),
		canonical.WithEasygenerator(easygenerator.WithAllowedOrigins(cfg.allowOrigins...)),
		canonical.WithBrainCert(braincertOptions(cfg, logger)...),
		canonical.WithToolzz(toolzz.WithLocation(cfg.toolzzLocation)),
		canonical.WithLearnInk(learnink.WithSecrets(cfg.learninkSecrets...)),
		canonical.WithLogger(logger)))
	mux.Handle("/webhooks/mcg", mcg.Handler(func(ctx context.Context, e mcg.Event) error {
		return deliverConverted(ctx, e, canonical.FromMCG, deliver)
	}, mcg.WithLogger(logger)))
	mux.Handle("/webhooks/easygenerator", easygenerator.Handler(func(ctx context.Context, e easygenerator.Event) error {
		return deliverConverted(ctx, e, canonical.FromEasygenerator, deliver)
	}, easygenerator.WithAllowedOrigins(cfg.allowOrigins...), easygenerator.WithLogger(logger)))
	mux.Handle("/webhooks/toolzz", toolzz.Handler(func(ctx context.Context, e toolzz.Event) error {
		return deliverConverted(ctx, e, canonical.FromToolzz, deliver)
	}, toolzz.WithLocation(cfg.toolzzLocation), toolzz.WithLogger(logger)))
	mux.Handle("/webhooks/braincert", braincert.Handler(func(ctx context.Context, e braincert.Event) error {
		return deliverConverted(ctx, e, canonical.FromBrainCert, deliver)
	}, braincertOptions(cfg, logger)...))
	mux.Handle("/webhooks/learnink", learnink.Handler(func(ctx context.Context, e learnink.Event) error {
		return deliverConverted(ctx, e, canonical.FromLearnInk, deliver)
	}, learnink.WithSecrets(cfg.learninkSecrets...), learnink.WithLogger(logger)))
	return canonical.NewInflightLimit(cfg.maxInflightBytes).Wrap(mux)
}

func braincertOptions(cfg config, logger *slog.Logger) []braincert.Option {
	opts := []braincert.Option{braincert.WithLogger(logger)}
	if user, pass, ok := strings.Cut(cfg.basicAuth, ":"); ok {
		opts = append(opts, braincert.WithBasicAuth(user, pass))
	}
	return opts
}

// deliverConverted converts a vendor event and delivers each canonical event.
func deliverConverted[E any](ctx context.Context, event E, convert func(E) ([]canonical.Event, error),
	deliver func(context.Context, canonical.Event) error) error {
	events, err := convert(event)
	if err != nil {
		return err
	}
	for _, e := range events {
		if err := deliver(ctx, e); err != nil {
			return err
		}
	}
	return nil
}
