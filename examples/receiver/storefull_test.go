package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/canonical/inbox"
	"github.com/lmshooks/lmshooks/canonical/inbox/sqlite"
	"github.com/lmshooks/lmshooks/internal/inboxtest"
)

// postBody posts an MCG body to url and returns the response, its body read.
func postBody(t *testing.T, url string, body []byte) (*http.Response, string) {
	t.Helper()
	resp, err := http.Post(url, "application/json", bytes.NewReader(body))
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp, string(b)
}

// TestFullStoreAnswers503ThenStoresTheRetry: a store at its limit answers
// a new delivery 503 with Retry-After (stored and printed: nothing), still
// answers a duplicate 200, logs the refusals at ERROR once, and stores the
// vendor's retry once Prune made room.
func TestFullStoreAnswers503ThenStoresTheRetry(t *testing.T) {
	ds := killDeliveries(t, 40)
	path := filepath.Join(t.TempDir(), "lmshooks.db")
	store, err := sqlite.Open(path, inbox.WithRetention(30*24*time.Hour))
	require.NoError(t, err)
	last := ds[len(ds)-1] // received 31 days ago: room that Prune will free
	events, err := canonical.ParseRequest(http.Header{"Content-Type": {"application/json"}}, last.body)
	require.NoError(t, err)
	_, err = store.Save(context.Background(), &canonical.Delivery{Vendor: canonical.VendorMCG,
		ReceivedAt: time.Now().Add(-31 * 24 * time.Hour), ContentType: "application/json", Body: last.body, Events: events})
	require.NoError(t, err)
	require.NoError(t, store.Close())
	store, err = sqlite.Open(path, inbox.WithRetention(30*24*time.Hour), inbox.WithMaxBytes(6000))
	require.NoError(t, err)
	defer store.Close()

	var logs, out safeBuffer
	logger := slog.New(slog.NewJSONHandler(&logs, nil))
	cfg := defaultConfig(t)
	srv := httptest.NewServer(newMux(cfg, newStoreDeliver(store, cfg, writerLines(&out), logger), logger))
	defer srv.Close()

	var acked []string
	refusedAt := -1
	for i, d := range ds {
		resp, body := postBody(t, srv.URL+"/webhooks/mcg", d.body)
		if resp.StatusCode == http.StatusOK {
			acked = append(acked, d.ids...)
			continue
		}
		require.Equal(t, http.StatusServiceUnavailable, resp.StatusCode, body)
		assert.Equal(t, "60", resp.Header.Get("Retry-After"))
		assert.JSONEq(t, `{"error":"temporarily unavailable, retry later"}`, body)
		refusedAt = i
		break
	}
	require.GreaterOrEqual(t, refusedAt, 2, "the store should hold a few deliveries before it is full")
	for range 3 { // the vendor retries; a flood goes on
		resp, _ := postBody(t, srv.URL+"/webhooks", ds[refusedAt].body)
		assert.Equal(t, http.StatusServiceUnavailable, resp.StatusCode)
	}
	resp, _ := postBody(t, srv.URL+"/webhooks/mcg", ds[0].body)
	assert.Equal(t, http.StatusOK, resp.StatusCode, "a duplicate on a full store is answered 200")
	assert.Equal(t, append(slices.Clone(last.ids), acked...), inboxtest.StoredIDs(t, store, inbox.Filter{}), "nothing of the refused delivery stored")
	assert.Equal(t, acked, printedIDs(t, out.String()), "nothing of the refused delivery printed")
	held, err := store.Usage(context.Background())
	require.NoError(t, err)
	assert.LessOrEqual(t, held, int64(6000))

	var fullLines, callbackLines int
	for line := range strings.Lines(logs.String()) {
		var rec struct{ Level, Msg string }
		require.NoError(t, json.Unmarshal([]byte(line), &rec), line)
		if strings.HasPrefix(rec.Msg, "the store is full") {
			fullLines++
			assert.Equal(t, "ERROR", rec.Level)
		}
		if rec.Msg == "webhook callback failed" {
			callbackLines++
		}
	}
	assert.Equal(t, 1, fullLines, "four refusals within a minute log one ERROR line:\n%s", logs.String())
	assert.Zero(t, callbackLines, "the handler's per-delivery ERROR line is left to the once-a-minute one")

	p, err := store.Prune(context.Background())
	require.NoError(t, err)
	require.Positive(t, p.Bytes)
	resp, _ = postBody(t, srv.URL+"/webhooks/mcg", ds[refusedAt].body)
	require.Equal(t, http.StatusOK, resp.StatusCode, "the vendor's retry after Prune made room")
	acked = append(acked, ds[refusedAt].ids...)
	assert.Equal(t, acked, inboxtest.StoredIDs(t, store, inbox.Filter{}))
	assert.Equal(t, acked, printedIDs(t, out.String()))
}

// TestFullStoreOnTheRealServer: with -store-max-bytes, the running
// receiver refuses what does not fit with 503, stays ready, and /metrics
// shows how full the store is and why deliveries were refused.
func TestFullStoreOnTheRealServer(t *testing.T) {
	var stdout, stderr safeBuffer
	const limit = 5000
	s := startRun(t, &stdout, &stderr, "-store-max-bytes", strconv.Itoa(limit))
	base := "http://" + s.addr
	refused := false
	for _, d := range killDeliveries(t, 40) {
		resp, _ := postBody(t, base+"/webhooks/mcg", d.body)
		if resp.StatusCode == http.StatusServiceUnavailable {
			refused = true
			break
		}
		require.Equal(t, http.StatusOK, resp.StatusCode)
	}
	require.True(t, refused, "40 deliveries fitted in %d bytes", limit)
	status, _, body := get(t, base+"/readyz")
	assert.Equal(t, http.StatusOK, status, "a full store is not a dead process: %s", body)

	families := scrape(t, s.addr)
	held, ok := sample(families, "lmshooks_store_bytes")
	require.True(t, ok, "lmshooks_store_bytes missing")
	assert.Positive(t, held)
	assert.LessOrEqual(t, held, float64(limit))
	maxBytes, ok := sample(families, "lmshooks_store_max_bytes")
	require.True(t, ok, "lmshooks_store_max_bytes missing")
	assert.Equal(t, float64(limit), maxBytes)
	n, ok := sample(families, "lmshooks_requests_total", "code", "503", "vendor", "mcg")
	assert.True(t, ok && n == 1, "lmshooks_requests_total{code=503,vendor=mcg} = %v, want 1", n)
	n, ok = sample(families, "lmshooks_deliveries_rejected_total", "kind", errorKindStoreFull, "vendor", "mcg")
	assert.True(t, ok && n == 1, "lmshooks_deliveries_rejected_total{kind=store_full,vendor=mcg} = %v, want 1", n)
}

// TestStoreMaxBytesFlag: the flag is in -help's store group with its
// environment variable and default; a negative limit is refused.
func TestStoreMaxBytesFlag(t *testing.T) {
	_, err := parseFlags([]string{"-store-max-bytes", "-1"}, io.Discard)
	assert.ErrorContains(t, err, "-store-max-bytes")
	cfg := defaultConfig(t)
	assert.Equal(t, int64(defaultStoreMaxBytes), cfg.storeMaxBytes)
	var help bytes.Buffer
	_, err = parseFlags([]string{"-help"}, &help)
	require.Error(t, err)
	store := help.String()[strings.Index(help.String(), "\nstore:\n"):]
	store = store[:strings.Index(store, "\nsinks:\n")]
	assert.Contains(t, store, "-store-max-bytes int  (LMSHOOKS_STORE_MAX_BYTES)")
	assert.Contains(t, store, "(default 10737418240)")
}
