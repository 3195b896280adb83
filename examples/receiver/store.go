package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/canonical/inbox"
	"github.com/lmshooks/lmshooks/canonical/inbox/sqlite"
	"github.com/lmshooks/lmshooks/canonical/sink"
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
	var names []string
	for _, sk := range cfg.sinks {
		names = append(names, sk.Name())
	}
	return inboxopen.Open(ctx, cfg.store, sync, inbox.WithRetention(cfg.retention), inbox.WithMaxBytes(cfg.storeMaxBytes),
		inbox.WithLogger(logger), inbox.WithSinks(names...))
}

// relayLogEvery is how often the relay's counts and backlog are logged.
const relayLogEvery = time.Minute

// startRelay delivers the store's outbox to the sinks in the background
// (the vendor's 2xx never waits for a sink) and logs its counts and
// backlog; stop ends it and waits. With no sinks it does nothing and
// relay is nil.
func startRelay(ctx context.Context, store *inbox.Store, sinks []sink.Sink, logger *slog.Logger) (relay *inbox.Relay, stop func(), err error) {
	if len(sinks) == 0 {
		return nil, func() {}, nil
	}
	relay, err = store.NewRelay(sinks, relayOptions(ctx, inbox.WithRelayLogger(logger))...)
	if err != nil {
		return nil, nil, err
	}
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Go(func() { relay.Run(ctx) })
	wg.Go(func() {
		ticker := time.NewTicker(relayLogEvery)
		defer ticker.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-ticker.C:
				logRelay(ctx, store, relay, logger)
			}
		}
	})
	return relay, func() { cancel(); wg.Wait(); logRelay(context.Background(), store, relay, logger) }, nil
}

// logRelay logs what the relay did and the outbox's rows by sink and state.
func logRelay(ctx context.Context, store *inbox.Store, relay *inbox.Relay, logger *slog.Logger) {
	st := relay.Stats()
	args := []any{"delivered", st.Delivered, "retried", st.Retried, "dead", st.Dead}
	counts, err := store.OutboxCounts(ctx)
	if err != nil {
		logger.Error("relay: counting the outbox", "error", err)
	}
	for _, c := range counts {
		args = append(args, c.Sink+"."+c.State, c.Rows)
	}
	logger.Info("relay", args...)
}

// newStoreDeliver is the callback of every route with a store: save the
// delivery, and only after its commit print each event that was new (a
// duplicate prints nothing). A failed print is logged, not answered 500:
// the event is stored, and the vendor's retry would be a duplicate. A
// delivery the full store refuses is answered 503 with Retry-After
// (inbox.ErrFull matches canonical.ErrRetryLater) and logged once a minute
// (fullStoreLog).
func newStoreDeliver(store *inbox.Store, cfg config, stdout lineOutput, logger *slog.Logger) func(context.Context, *canonical.Delivery) error {
	out := &lineWriter{out: stdout, format: cfg.format}
	full := newFullStoreLog(logger, store)
	return func(ctx context.Context, d *canonical.Delivery) error {
		result, err := store.Save(ctx, d)
		if errors.Is(err, inbox.ErrFull) {
			noteFrom(ctx).noteRefusedFull()
			full.refusedOne(ctx, err)
		}
		if err != nil {
			return fmt.Errorf("storing the delivery: %w", err)
		}
		noteFrom(ctx).noteStored(len(result.New))
		for _, e := range result.New {
			if err := out.print(ctx, e); err != nil {
				logger.ErrorContext(ctx, "printing a stored event", "id", e.ID, "error", err)
			}
		}
		return nil
	}
}
