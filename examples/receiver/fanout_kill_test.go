package main

import (
	"bytes"
	"context"
	"database/sql"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/canonical/sink/jetstream"
	"github.com/lmshooks/lmshooks/internal/natstest"
	"github.com/lmshooks/lmshooks/internal/swhtest"
)

// TestTwoReceiversFanOutExactlyOnceToJetStream: two receiver binaries
// share one PostgreSQL store and publish to one JetStream stream and one
// HTTP service. The same deliveries are posted to both at once, and one
// is killed with SIGKILL mid-run, during one of its HTTP deliveries: every
// event ends up in the stream exactly once (the relays claim rows with
// SKIP LOCKED; a re-publish is dropped by Nats-Msg-Id), and reaches the
// HTTP service at least once, every request signed validly; the batch the
// killed one held is delivered again after its lease (1 min), so some
// reach the service twice.
func TestTwoReceiversFanOutExactlyOnceToJetStream(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills receiver binaries and waits out a relay lease (1 min); skipped with -short")
	}
	dsn := postgresDSN(t)
	bin := buildReceiver(t)
	nats := natstest.Start(t)
	// A busy service, so that the relays' HTTP batches are in flight most
	// of the time.
	service := swhtest.NewSlowReceiver(t, swhtest.Secret, 5*time.Millisecond)
	var doomedProcess atomic.Pointer[receiverProcess]
	var killNow, killed atomic.Bool
	// The doomed receiver forwards through a gate that, once killNow is
	// set, kills it during one of its HTTP deliveries (so that it dies
	// holding a leased batch) and still passes that request on.
	gate := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, err := io.ReadAll(req.Body)
		if err != nil {
			http.Error(w, "cut off", http.StatusBadRequest)
			return
		}
		if killNow.Load() && killed.CompareAndSwap(false, true) {
			doomedProcess.Load().cmd.Process.Signal(syscall.SIGKILL)
		}
		out, err := http.NewRequestWithContext(context.WithoutCancel(req.Context()), http.MethodPost, service.URL, bytes.NewReader(body))
		if err == nil {
			out.Header = req.Header.Clone()
		}
		var resp *http.Response
		if err == nil {
			resp, err = http.DefaultClient.Do(out)
		}
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		resp.Body.Close()
		w.WriteHeader(resp.StatusCode)
	}))
	defer gate.Close()
	args := []string{"-store", dsn, "-nats", nats.URL(), "-nats-create-stream", "-forward-secret", swhtest.Secret}
	doomed := startReceiver(t, bin, append(args, "-forward", gate.URL)...)
	doomedProcess.Store(doomed)
	survivor := startReceiver(t, bin, append(args, "-forward", service.URL)...)

	ds := killDeliveries(t, 2000)
	want := map[string]bool{}
	for _, d := range ds {
		for _, id := range d.ids {
			want[id] = true
		}
	}
	var wg sync.WaitGroup
	var ackedBySurvivor []bool
	wg.Go(func() {
		sendAll("http://"+doomed.addr+"/webhooks", ds, 16, 400, func() { killNow.Store(true) })
	})
	wg.Go(func() { ackedBySurvivor = sendAll("http://"+survivor.addr+"/webhooks", ds, 16, 0, nil) })
	wg.Wait()
	require.Equal(t, len(ds), count(ackedBySurvivor), "the survivor acknowledged every delivery")
	require.True(t, killed.Load(), "the doomed receiver made no HTTP delivery after 400 acknowledgements: not killed mid-delivery")
	doomed.printed() // it has exited
	leased := leasedRows(t, dsn)
	t.Logf("after the kill: %d outbox rows claimed but not marked; stream holds %d of %d events",
		leased, nats.Count(jetstream.DefaultStream), len(want))

	forwarded := map[string]int{}
	delivered := func() bool {
		for _, r := range service.Take(t) {
			forwarded[r.Header.Get("webhook-id")]++
		}
		// Every event seen is not enough: the killed relay's batch may
		// have reached both sinks before it died, and its rows are then
		// delivered again only after their lease. Wait for those too.
		return nats.Count(jetstream.DefaultStream) >= uint64(len(want)) && len(forwarded) >= len(want) &&
			pendingRows(t, dsn) == 0
	}
	start := time.Now()
	require.True(t, waitFor(3*time.Minute, delivered), "stream holds %d, the service got %d, of %d events; %d outbox rows pending",
		nats.Count(jetstream.DefaultStream), len(forwarded), len(want), pendingRows(t, dsn))
	t.Logf("all delivered %s after the senders finished", time.Since(start).Round(time.Second))
	time.Sleep(2 * time.Second) // a stray re-publish would show now
	assert.Equal(t, sortedKeys(want), msgIDs(nats), "every event in the stream exactly once")
	assert.Equal(t, sortedKeys(want), sortedKeys(forwarded), "every event forwarded (at least once)")
	repeats := 0
	for _, n := range forwarded {
		repeats += n - 1
	}
	assert.NotZero(t, repeats, "the batch the killed receiver held was not delivered again after its lease")
	t.Logf("the HTTP service got %d repeats, which its webhook-id check drops", repeats)
}

// pendingRows counts the outbox rows not yet delivered (or dead).
func pendingRows(t *testing.T, dsn string) int {
	t.Helper()
	db, err := sql.Open("pgx", dsn)
	require.NoError(t, err)
	defer db.Close()
	var n int
	require.NoError(t, db.QueryRow(`SELECT count(*) FROM lmshooks_outbox WHERE state = 'due'`).Scan(&n))
	return n
}

// leasedRows counts the outbox rows whose delivery started but was not
// marked (a killed relay's leases, or a batch in flight).
func leasedRows(t *testing.T, dsn string) int {
	t.Helper()
	db, err := sql.Open("pgx", dsn)
	require.NoError(t, err)
	defer db.Close()
	var n int
	require.NoError(t, db.QueryRow(`SELECT count(*) FROM lmshooks_outbox WHERE state = 'due' AND attempts > 0`).Scan(&n))
	return n
}
