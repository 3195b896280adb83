package main

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/lmshooks/lmshooks/canonical/inbox"
)

// defaultStoreMaxBytes is -store-max-bytes's default: 10 GiB of bodies and
// events. A delivery is a few KiB, so that is millions of them, more than
// 30 days of retention hold at a busy school's rate, while a flood of
// 4 MiB bodies (no credentials needed for an unknown MCG one) stops after
// about 2,500, before it fills a disk of a single machine (the SQLite file
// takes about a third more than the count for small deliveries, with its
// indexes and pages; the README has the measurement).
const defaultStoreMaxBytes = 10 << 30

// errorKindStoreFull is the error kind of a delivery the full store
// refused, in its log line and lmshooks_deliveries_rejected_total.
const errorKindStoreFull = "store_full"

// storeFullLogEvery is how often, at most, a full store is logged at ERROR.
const storeFullLogEvery = time.Minute

// fullStoreLog logs that the store is full at ERROR, at most once per
// storeFullLogEvery, with how many deliveries were refused since the last
// line: an operator must act, and a flood must not flood the log.
type fullStoreLog struct {
	logger *slog.Logger
	store  *inbox.Store
	every  time.Duration

	mu      sync.Mutex
	last    time.Time // when the last line was logged
	refused int       // deliveries refused since then
}

func newFullStoreLog(logger *slog.Logger, store *inbox.Store) *fullStoreLog {
	return &fullStoreLog{logger: logger, store: store, every: storeFullLogEvery}
}

// refusedOne counts one refused delivery and logs when the last line is old.
func (l *fullStoreLog) refusedOne(ctx context.Context, err error) {
	l.mu.Lock()
	l.refused++
	now := time.Now()
	if !l.last.IsZero() && now.Sub(l.last) < l.every {
		l.mu.Unlock()
		return
	}
	refused := l.refused
	l.last, l.refused = now, 0
	l.mu.Unlock()
	l.logger.ErrorContext(ctx, "the store is full: deliveries are answered 503 until there is room "+
		"(raise -store-max-bytes, shorten -retention, or prune)",
		"refused", refused, "max_bytes", l.store.MaxBytes(), "error", err)
}

// quietWhenFull is a slog.Handler that drops what a handler logs about a
// delivery the full store refused (the callback's failure, at ERROR, for
// each): fullStoreLog says it once a minute.
type quietWhenFull struct{ slog.Handler }

func (h quietWhenFull) Enabled(ctx context.Context, l slog.Level) bool {
	return !noteFrom(ctx).refusedFull() && h.Handler.Enabled(ctx, l)
}

func (h quietWhenFull) WithAttrs(attrs []slog.Attr) slog.Handler {
	return quietWhenFull{h.Handler.WithAttrs(attrs)}
}

func (h quietWhenFull) WithGroup(name string) slog.Handler {
	return quietWhenFull{h.Handler.WithGroup(name)}
}
