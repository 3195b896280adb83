package main

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/canonical/inbox"
	"github.com/lmshooks/lmshooks/internal/inboxtest"
)

// schemas numbers the schemas postgresDSN makes, one per test or benchmark run.
var schemas atomic.Int64

// postgresDSN returns a DSN of the test server (LMSHOOKS_TEST_POSTGRES_DSN,
// which .ci/run sets) in a schema of its own, dropped after the test.
func postgresDSN(t testing.TB) string {
	t.Helper()
	base := os.Getenv("LMSHOOKS_TEST_POSTGRES_DSN")
	if base == "" {
		t.Skip("LMSHOOKS_TEST_POSTGRES_DSN is not set: no PostgreSQL server to test against (.ci/run starts one)")
	}
	admin, err := sql.Open("pgx", base)
	require.NoError(t, err)
	t.Cleanup(func() { admin.Close() })
	schema := fmt.Sprintf("lmshooks_receiver_test_%d_%d", os.Getpid(), schemas.Add(1))
	_, err = admin.Exec("CREATE SCHEMA " + schema)
	require.NoError(t, err)
	t.Cleanup(func() { admin.Exec("DROP SCHEMA " + schema + " CASCADE") })
	u, err := url.Parse(base)
	require.NoError(t, err)
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// TestTwoReceiversOnOnePostgres: two receivers share one PostgreSQL store
// and get the same deliveries at the same moment: every event is stored
// once and printed by exactly one of them.
func TestTwoReceiversOnOnePostgres(t *testing.T) {
	cfg := defaultConfig(t)
	cfg.store = postgresDSN(t)
	logger := slog.New(slog.DiscardHandler)
	var outs [2]safeBuffer
	var urls [2]string
	var stores [2]*inbox.Store
	for i := range 2 {
		store, err := openInbox(context.Background(), cfg, logger)
		require.NoError(t, err)
		defer store.Close()
		stores[i] = store
		srv := httptest.NewServer(newMux(cfg, newStoreDeliver(store, cfg, writerLines(&outs[i]), logger), logger))
		defer srv.Close()
		urls[i] = srv.URL + "/webhooks"
	}
	ds := killDeliveries(t, 300)
	var wg sync.WaitGroup
	sem := make(chan struct{}, 32)
	for _, d := range ds {
		for _, u := range urls {
			wg.Go(func() {
				sem <- struct{}{}
				defer func() { <-sem }()
				resp, err := http.Post(u, "application/json", bytes.NewReader(d.body))
				if err != nil {
					t.Error(err)
					return
				}
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					t.Errorf("status %d", resp.StatusCode)
				}
			})
		}
	}
	wg.Wait()
	var want []string
	for _, d := range ds {
		want = append(want, d.ids...)
	}
	printed := append(printedIDs(t, outs[0].String()), printedIDs(t, outs[1].String())...)
	stored := inboxtest.StoredIDs(t, stores[0], inbox.Filter{})
	slices.Sort(want)
	slices.Sort(printed)
	slices.Sort(stored)
	assert.Equal(t, want, stored, "every event stored once")
	assert.Equal(t, want, printed, "every event printed once, by one of the two")
	t.Logf("receiver 1 printed %d, receiver 2 %d", len(printedIDs(t, outs[0].String())), len(printedIDs(t, outs[1].String())))
}

// TestKilledPostgresConnectionsAnswer500: while the receiver's PostgreSQL
// connections are killed again and again (pg_terminate_backend), a
// delivery is answered 200 only when it is stored; the others get 500.
func TestKilledPostgresConnectionsAnswer500(t *testing.T) {
	dsn := postgresDSN(t)
	u, err := url.Parse(dsn)
	require.NoError(t, err)
	q := u.Query()
	q.Set("application_name", "lmshooks_receiver_killed")
	u.RawQuery = q.Encode()
	cfg := defaultConfig(t)
	cfg.store = u.String()
	logger := slog.New(slog.DiscardHandler)
	store, err := openInbox(context.Background(), cfg, logger)
	require.NoError(t, err)
	defer store.Close()
	var out safeBuffer
	srv := httptest.NewServer(newMux(cfg, newStoreDeliver(store, cfg, writerLines(&out), logger), logger))
	defer srv.Close()
	admin, err := sql.Open("pgx", dsn)
	require.NoError(t, err)
	defer admin.Close()
	stop, killerDone := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(killerDone)
		for {
			admin.Exec(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'lmshooks_receiver_killed'`)
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond): // let some deliveries through
			}
		}
	}()
	var mu sync.Mutex
	var acked []string
	refused := 0
	var wg sync.WaitGroup
	sem := make(chan struct{}, 16)
	for _, d := range killDeliveries(t, 600) {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			resp, err := http.Post(srv.URL+"/webhooks", "application/json", bytes.NewReader(d.body))
			if err != nil {
				t.Error(err)
				return
			}
			resp.Body.Close()
			mu.Lock()
			defer mu.Unlock()
			switch resp.StatusCode {
			case http.StatusOK:
				acked = append(acked, d.ids...)
			case http.StatusInternalServerError:
				refused++
			default:
				t.Errorf("status %d", resp.StatusCode)
			}
		})
	}
	wg.Wait()
	close(stop)
	<-killerDone
	// Read with a store of its own: the receiver's pool still holds
	// connections the killer ended.
	reader, err := openInbox(context.Background(), defaultConfigWith(t, dsn), logger)
	require.NoError(t, err)
	defer reader.Close()
	stored := map[string]bool{}
	for _, id := range inboxtest.StoredIDs(t, reader, inbox.Filter{}) {
		stored[id] = true
	}
	for _, id := range acked {
		assert.True(t, stored[id], "event %s was answered 200 but is not stored", id)
	}
	assert.NotZero(t, refused, "no delivery met a killed connection: the test tested nothing")
	t.Logf("%d deliveries answered 200, %d answered 500", len(acked), refused)
}

// defaultConfigWith is the default configuration with -store set.
func defaultConfigWith(t *testing.T, store string) config {
	t.Helper()
	cfg := defaultConfig(t)
	cfg.store = store
	return cfg
}
