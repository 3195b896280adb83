package main

import (
	"context"
	"log/slog"
	"net/http"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/mcg"
)

// newMux mounts one route per vendor. Each route's callback converts the
// vendor event to canonical events and prints them; an error there answers
// 500, so that the vendor sends the event again.
func newMux(cfg config, out *lineWriter, logger *slog.Logger) *http.ServeMux {
	mux := http.NewServeMux()
	mux.Handle("/webhooks/mcg", mcg.Handler(func(ctx context.Context, e mcg.Event) error {
		return printConverted(out, e, canonical.FromMCG)
	}, mcg.WithLogger(logger)))
	return mux
}

// printConverted converts a vendor event and prints the canonical events.
func printConverted[E any](out *lineWriter, event E, convert func(E) ([]canonical.Event, error)) error {
	events, err := convert(event)
	if err != nil {
		return err
	}
	return out.print(events)
}
