package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/canonical/inbox"
	"github.com/lmshooks/lmshooks/canonical/inbox/sqlite"
	"github.com/lmshooks/lmshooks/internal/inboxopen"
)

// storeUsage is -store's help: it says where the data goes.
const storeUsage = "where accepted deliveries and their events are stored before the 200: a SQLite file path " +
	"(created if missing), a postgres:// URL, or memory (nothing stored; de-duplication in memory only, lost at exit)"

// openInbox opens the store of the -store flag; nil for memory.
func openInbox(ctx context.Context, cfg config, logger *slog.Logger) (*inbox.Store, error) {
	sync := sqlite.SyncFull
	if cfg.sqliteSync == "normal" {
		sync = sqlite.SyncNormal
	}
	return inboxopen.Open(ctx, cfg.store, sync, inbox.WithRetention(cfg.retention), inbox.WithLogger(logger))
}

// newStoreDeliver is the callback of every route with a store: save the
// delivery, and only after its commit print each event that was new (a
// duplicate prints nothing). A failed print is logged, not answered 500:
// the event is stored, and the vendor's retry would be a duplicate.
func newStoreDeliver(store *inbox.Store, cfg config, stdout io.Writer, logger *slog.Logger) func(context.Context, *canonical.Delivery) error {
	out := &lineWriter{w: stdout, format: cfg.format}
	return func(ctx context.Context, d *canonical.Delivery) error {
		result, err := store.Save(ctx, d)
		if err != nil {
			return fmt.Errorf("storing the delivery: %w", err)
		}
		for _, e := range result.New {
			if err := out.print(ctx, e); err != nil {
				logger.ErrorContext(ctx, "printing a stored event", "id", e.ID, "error", err)
			}
		}
		return nil
	}
}

// perEvent adapts a per-event callback (the in-memory mode's) to the
// routes' per-delivery one.
func perEvent(fn func(context.Context, canonical.Event) error) func(context.Context, *canonical.Delivery) error {
	return func(ctx context.Context, d *canonical.Delivery) error {
		for _, e := range d.Events {
			if err := fn(ctx, e); err != nil {
				return err
			}
		}
		return nil
	}
}
