package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/canonical/inbox"
	"github.com/lmshooks/lmshooks/canonical/inbox/sqlite"
	"github.com/lmshooks/lmshooks/canonical/sink"
	"github.com/lmshooks/lmshooks/internal/fixtures"
	"github.com/lmshooks/lmshooks/internal/inboxtest"
)

// newStoreServer serves the routes with a SQLite store in a temp dir.
func newStoreServer(t *testing.T, stdout *safeBuffer) (*httptest.Server, *inbox.Store) {
	t.Helper()
	store, err := sqlite.Open(filepath.Join(t.TempDir(), "lmshooks.db"))
	require.NoError(t, err)
	t.Cleanup(func() { store.Close() })
	logger := slog.New(slog.DiscardHandler)
	srv := httptest.NewServer(newMux(defaultConfig(t), newStoreDeliver(store, defaultConfig(t), writerLines(stdout), logger), logger))
	t.Cleanup(srv.Close)
	return srv, store
}

// documentedBodies returns every documented body with its Content-Type.
func documentedBodies(t *testing.T) []fixtures.File {
	t.Helper()
	var all []fixtures.File
	for _, vendor := range []string{"mcg", "easygenerator", "braincert", "toolzz", "learnink"} {
		files, err := fixtures.Load(filepath.Join("../../testdata", vendor))
		require.NoError(t, err)
		for _, f := range files {
			if !fixtures.IsPartial(f.Name) {
				all = append(all, f)
			}
		}
	}
	require.NotEmpty(t, all)
	return all
}

func post(t *testing.T, url string, f fixtures.File) int {
	t.Helper()
	resp, err := http.Post(url, fixtures.ContentType(f.Name), bytes.NewReader(f.Data))
	require.NoError(t, err)
	resp.Body.Close()
	return resp.StatusCode
}

// printedIDs returns the ids of the printed lines, in order.
func printedIDs(t *testing.T, out string) []string {
	t.Helper()
	var ids []string
	for line := range strings.Lines(out) {
		var e struct{ ID string }
		require.NoError(t, json.Unmarshal([]byte(line), &e), line)
		ids = append(ids, e.ID)
	}
	return ids
}

// TestStoreKeepsEveryDocumentedBodyOnce posts every documented body to the
// shared endpoint with the default store, twice: the first time stores and
// prints every event, the second stores and prints nothing.
func TestStoreKeepsEveryDocumentedBodyOnce(t *testing.T) {
	var out safeBuffer
	srv, store := newStoreServer(t, &out)
	bodies := documentedBodies(t)
	for _, f := range bodies {
		assert.Equal(t, http.StatusOK, post(t, srv.URL+"/webhooks", f), f.Name)
	}
	printed := printedIDs(t, out.String())
	stored := inboxtest.StoredIDs(t, store, inbox.Filter{})
	assert.Equal(t, stored, printed, "every stored event printed once, in order")
	assert.Equal(t, expectedIDs(t, bodies), stored, "every event of every body stored once")

	for _, f := range bodies {
		assert.Equal(t, http.StatusOK, post(t, srv.URL+"/webhooks", f), f.Name)
	}
	assert.Equal(t, len(printed), len(printedIDs(t, out.String())), "a duplicate prints nothing")
}

// TestStoreVendorRoutes: each vendor's own route stores through the same
// store, and a duplicate sent to another route is still a duplicate.
func TestStoreVendorRoutes(t *testing.T) {
	var out safeBuffer
	srv, _ := newStoreServer(t, &out)
	f := fixtures.File{Name: "course_finish.json", Data: mustRead(t, "../../testdata/mcg/course_finish.json")}
	assert.Equal(t, http.StatusOK, post(t, srv.URL+"/webhooks/mcg", f))
	assert.Equal(t, http.StatusOK, post(t, srv.URL+"/webhooks", f))
	assert.Len(t, printedIDs(t, out.String()), 1)
}

// TestStoreFailureAnswers500: when the store cannot commit (here it is
// closed under the server), the vendor gets 500 and nothing is printed.
func TestStoreFailureAnswers500(t *testing.T) {
	var out safeBuffer
	srv, store := newStoreServer(t, &out)
	require.NoError(t, store.Close())
	f := fixtures.File{Name: "course_finish.json", Data: mustRead(t, "../../testdata/mcg/course_finish.json")}
	assert.Equal(t, http.StatusInternalServerError, post(t, srv.URL+"/webhooks", f))
	assert.Equal(t, http.StatusInternalServerError, post(t, srv.URL+"/webhooks/mcg", f))
	assert.Empty(t, out.String())
}

func TestStoreFlag(t *testing.T) {
	for _, bad := range [][]string{{"-store", ""}, {"-sqlite-sync", "off"}} {
		_, err := parseFlags(bad, &bytes.Buffer{})
		assert.Error(t, err, bad)
	}
	var help bytes.Buffer
	_, err := parseFlags([]string{"-help"}, &help)
	require.Error(t, err)
	assert.Contains(t, help.String(), "lmshooks.db")
	assert.Contains(t, help.String(), "postgres://")
}

func mustRead(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return b
}

// expectedIDs parses the bodies as the receiver does and returns their
// events' ids, each once (BrainCert's XML twins repeat their JSON's ids).
func expectedIDs(t *testing.T, bodies []fixtures.File) []string {
	t.Helper()
	var ids []string
	seen := map[string]bool{}
	for _, f := range bodies {
		events, err := canonical.ParseRequest(http.Header{"Content-Type": {fixtures.ContentType(f.Name)}}, f.Data)
		require.NoError(t, err, f.Name)
		for _, e := range events {
			if !seen[e.ID] {
				seen[e.ID] = true
				ids = append(ids, e.ID)
			}
		}
	}
	return ids
}

// TestRelayDeliversStoredEvents: with a sink configured, every newly
// stored event reaches it through the outbox, after the 200.
func TestRelayDeliversStoredEvents(t *testing.T) {
	cfg := defaultConfig(t)
	dest := &inboxtest.Sink{SinkName: "test"}
	cfg.sinks = []sink.Sink{dest}
	cfg.store = filepath.Join(t.TempDir(), "lmshooks.db")
	logger := slog.New(slog.DiscardHandler)
	store, err := openInbox(context.Background(), cfg, logger)
	require.NoError(t, err)
	defer store.Close()
	_, stop, err := startRelay(context.Background(), store, cfg.sinks, logger)
	require.NoError(t, err)
	defer stop()
	var out safeBuffer
	srv := httptest.NewServer(newMux(cfg, newStoreDeliver(store, cfg, writerLines(&out), logger), logger))
	defer srv.Close()
	bodies := documentedBodies(t)
	for _, f := range bodies {
		require.Equal(t, http.StatusOK, post(t, srv.URL+"/webhooks", f), f.Name)
	}
	want := expectedIDs(t, bodies)
	require.Eventually(t, func() bool { return len(dest.Got()) >= len(want) }, 20*time.Second, 10*time.Millisecond)
	assert.Equal(t, want, dest.Got(), "every stored event relayed once, in order")
}

// TestFullDiskAnswers500: once the database cannot grow (SQLite's "database
// or disk is full", here from max_page_count), deliveries are answered 500,
// never 200; every delivery answered 200 is stored and printed once.
func TestFullDiskAnswers500(t *testing.T) {
	path := filepath.Join(t.TempDir(), "full.db")
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_pragma=max_page_count(80)")
	require.NoError(t, err)
	store, err := inbox.Open(context.Background(), db, sqlite.Dialect)
	require.NoError(t, err)
	defer store.Close()
	logger := slog.New(slog.DiscardHandler)
	var out safeBuffer
	srv := httptest.NewServer(newMux(defaultConfig(t), newStoreDeliver(store, defaultConfig(t), writerLines(&out), logger), logger))
	defer srv.Close()
	var acked []string
	refused := 0
	for _, d := range killDeliveries(t, 400) {
		resp, err := http.Post(srv.URL+"/webhooks", "application/json", bytes.NewReader(d.body))
		require.NoError(t, err)
		resp.Body.Close()
		switch resp.StatusCode {
		case http.StatusOK:
			acked = append(acked, d.ids...)
		case http.StatusInternalServerError:
			refused++
		default:
			t.Fatalf("status %d", resp.StatusCode)
		}
	}
	require.NotZero(t, refused, "the database never filled up: the test tested nothing")
	stored := inboxtest.StoredIDs(t, store, inbox.Filter{})
	assert.Equal(t, acked, stored, "exactly the acknowledged events are stored")
	assert.Equal(t, acked, printedIDs(t, out.String()), "exactly the acknowledged events are printed")
	t.Logf("%d deliveries answered 200, then %d answered 500", len(acked), refused)
}
