package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/lmshooks/lmshooks/canonical/inbox"
)

// relayStuckAfter is how long the relay may make no progress (nothing
// delivered, retried or dead) while rows are due before /readyz says it is
// stuck: longer than the relay's longest backoff (10 minutes), so that a
// sink being retried patiently is not taken for a stuck relay.
const relayStuckAfter = 15 * time.Minute

// readiness answers /readyz: the store answers a ping (with a store) and
// the relay is not stuck (with sinks).
type readiness struct {
	store  *inbox.Store // nil with -store memory
	relay  *relayWatch  // nil without sinks
	logger *slog.Logger
}

// check returns why the receiver is not ready, or nil.
func (rd *readiness) check(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	if rd.store != nil {
		if err := rd.store.Ping(ctx); err != nil {
			// The reason answered is fixed: a driver's error may name
			// hosts or users; the log has it.
			rd.logger.Warn("readyz: the store does not answer", "error", err)
			return fmt.Errorf("the store does not answer a ping")
		}
	}
	if rd.relay != nil {
		return rd.relay.check(ctx, time.Now())
	}
	return nil
}

// relayWatch tells a relay that makes progress from one that is stuck.
type relayWatch struct {
	store      *inbox.Store
	relay      *inbox.Relay
	stuckAfter time.Duration

	mu           sync.Mutex
	lastDone     int64     // delivered + retried + dead at lastProgress
	lastProgress time.Time // when the relay was last seen doing something, or idle
}

func newRelayWatch(store *inbox.Store, relay *inbox.Relay) *relayWatch {
	return &relayWatch{store: store, relay: relay, stuckAfter: relayStuckAfter, lastProgress: time.Now()}
}

// check returns an error when rows have been due for stuckAfter and the
// relay has done nothing with any row meanwhile.
func (w *relayWatch) check(ctx context.Context, now time.Time) error {
	counts, err := w.store.OutboxCounts(ctx)
	if err != nil {
		return fmt.Errorf("the outbox cannot be counted")
	}
	var due int64
	for _, c := range counts {
		if c.State == "due" {
			due += c.Rows
		}
	}
	st := w.relay.Stats()
	done := st.Delivered + st.Retried + st.Dead
	w.mu.Lock()
	defer w.mu.Unlock()
	if due == 0 || done != w.lastDone {
		w.lastDone, w.lastProgress = done, now
		return nil
	}
	if idle := now.Sub(w.lastProgress); idle >= w.stuckAfter {
		return fmt.Errorf("the relay is stuck: %d outbox rows due and none delivered, retried or dead for %s", due, idle.Round(time.Second))
	}
	return nil
}

// healthz answers 200 while the process serves.
func healthz(w http.ResponseWriter, r *http.Request) {
	writeJSONStatus(w, http.StatusOK, map[string]string{"status": "ok"})
}

// readyz answers 200 when ready, else 503 with the reason.
func (rd *readiness) readyz(w http.ResponseWriter, r *http.Request) {
	if err := rd.check(r.Context()); err != nil {
		writeJSONStatus(w, http.StatusServiceUnavailable, map[string]string{"error": err.Error()})
		return
	}
	writeJSONStatus(w, http.StatusOK, map[string]string{"status": "ready"})
}

// writeJSONStatus answers status with v as JSON, in the handlers' shape.
func writeJSONStatus(w http.ResponseWriter, status int, v any) {
	b, _ := json.Marshal(v) // a map of strings always encodes
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(append(b, '\n'))
}

// onlyGet answers anything but GET and HEAD with a JSON 405.
func onlyGet(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			writeJSONStatus(w, http.StatusMethodNotAllowed, map[string]string{"error": "method not allowed"})
			return
		}
		h.ServeHTTP(w, r)
	})
}

// notFound answers a path no route serves with a JSON 404.
func notFound(w http.ResponseWriter, r *http.Request) {
	writeJSONStatus(w, http.StatusNotFound, map[string]string{"error": "not found: no route at this path"})
}
