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
	"strings"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/canonical/sink"
	"github.com/lmshooks/lmshooks/internal/fixtures"
	"github.com/lmshooks/lmshooks/internal/inboxtest"
)

// get returns a GET's status, Content-Type and body.
func get(t *testing.T, url string) (int, string, string) {
	t.Helper()
	resp, err := http.Get(url)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, resp.Header.Get("Content-Type"), string(body)
}

// scrape parses /metrics as the Prometheus text exposition format.
func scrape(t *testing.T, addr string) map[string]*dto.MetricFamily {
	t.Helper()
	status, _, body := get(t, "http://"+addr+"/metrics")
	require.Equal(t, http.StatusOK, status)
	parser := expfmt.NewTextParser(model.UTF8Validation)
	families, err := parser.TextToMetricFamilies(strings.NewReader(body))
	require.NoError(t, err, body)
	return families
}

// sample returns the value of the family's metric with exactly labels
// (name=value pairs), and whether there is one.
func sample(families map[string]*dto.MetricFamily, name string, labels ...string) (float64, bool) {
	f := families[name]
	if f == nil {
		return 0, false
	}
	for _, m := range f.Metric {
		if len(m.Label)*2 != len(labels) {
			continue
		}
		match := true
		for i, l := range m.Label {
			if l.GetName() != labels[2*i] || l.GetValue() != labels[2*i+1] {
				match = false
			}
		}
		if !match {
			continue
		}
		switch {
		case m.Counter != nil:
			return m.Counter.GetValue(), true
		case m.Gauge != nil:
			return m.Gauge.GetValue(), true
		case m.Histogram != nil:
			return float64(m.Histogram.GetSampleCount()), true
		}
	}
	return 0, false
}

func mcgFile(t *testing.T) fixtures.File {
	return fixtures.File{Name: "course_finish.json", Data: mustRead(t, "../../testdata/mcg/course_finish.json")}
}

// TestHealthReadyAndMetricsOnTheRealServer: a running receiver answers
// /healthz and /readyz, and /metrics counts the deliveries just made:
// stored, duplicate and rejected ones, their bytes and latency.
func TestHealthReadyAndMetricsOnTheRealServer(t *testing.T) {
	var stdout, stderr safeBuffer
	s := startRun(t, &stdout, &stderr)
	base := "http://" + s.addr

	status, ctype, body := get(t, base+"/healthz")
	assert.Equal(t, http.StatusOK, status)
	assert.Equal(t, "application/json", ctype)
	assert.JSONEq(t, `{"status":"ok"}`, body)
	status, _, body = get(t, base+"/readyz")
	assert.Equal(t, http.StatusOK, status, body)
	assert.JSONEq(t, `{"status":"ready"}`, body)

	f := mcgFile(t)
	for range 3 { // one stored, two duplicates
		require.Equal(t, http.StatusOK, post(t, base+"/webhooks/mcg", f))
	}
	require.Equal(t, http.StatusOK, post(t, base+"/webhooks", f)) // a duplicate through the shared endpoint
	bad := fixtures.File{Name: "bad.json", Data: []byte(`{"Type":`)}
	require.Equal(t, http.StatusBadRequest, post(t, base+"/webhooks/mcg", bad))
	require.Equal(t, http.StatusBadRequest, post(t, base+"/webhooks", fixtures.File{Name: "x.json", Data: []byte(`{"nobody":"claims this"}`)}))

	families := scrape(t, s.addr)
	for _, c := range []struct {
		name   string
		labels []string
		want   float64
	}{
		{"lmshooks_requests_total", []string{"code", "200", "vendor", "mcg"}, 4},
		{"lmshooks_requests_total", []string{"code", "400", "vendor", "mcg"}, 1},
		{"lmshooks_requests_total", []string{"code", "400", "vendor", "unknown"}, 1},
		{"lmshooks_events_stored_total", []string{"vendor", "mcg"}, 1},
		{"lmshooks_events_duplicate_total", []string{"vendor", "mcg"}, 3},
		{"lmshooks_deliveries_rejected_total", []string{"kind", "malformed", "vendor", "mcg"}, 1},
		{"lmshooks_deliveries_rejected_total", []string{"kind", "undetectable", "vendor", "unknown"}, 1},
		{"lmshooks_request_duration_seconds", []string{"vendor", "mcg"}, 5},
		{"lmshooks_request_body_bytes_total", []string{"vendor", "mcg"}, float64(4*len(f.Data) + len(bad.Data))},
		{"lmshooks_inflight_bytes", nil, 0},
		{"lmshooks_inflight_bytes_limit", nil, float64(canonical.DefaultMaxInflightBytes)},
		{"lmshooks_open_connections_limit", nil, 1024},
	} {
		got, ok := sample(families, c.name, c.labels...)
		if assert.True(t, ok, "%s%v missing", c.name, c.labels) {
			assert.Equal(t, c.want, got, "%s%v", c.name, c.labels)
		}
	}
	open, ok := sample(families, "lmshooks_open_connections")
	assert.True(t, ok)
	assert.GreaterOrEqual(t, open, 1.0, "the scrape's own connection is open")
	for name, f := range families {
		if !strings.HasPrefix(name, "lmshooks_") {
			continue
		}
		for _, m := range f.Metric {
			for _, l := range m.Label {
				assert.Contains(t, []string{"vendor", "code", "kind", "sink", "state"}, l.GetName(), "%s: unbounded label", name)
			}
		}
	}
}

// TestDeliveryLogLines: each accepted, duplicate and rejected delivery
// logs one line with its vendor, ids and status, in JSON with -log-format
// json; a rejected LearnInk delivery's line names its svix-id and never
// the secret or the signature.
func TestDeliveryLogLines(t *testing.T) {
	const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
	var stdout, stderr safeBuffer
	s := startRun(t, &stdout, &stderr, "-log-format", "json", "-learnink-secret", secret, "-basic-auth", "hook:s3cret-pass")
	base := "http://" + s.addr
	f := mcgFile(t)
	ids := expectedIDs(t, []fixtures.File{f})
	require.Equal(t, http.StatusOK, post(t, base+"/webhooks/mcg", f))
	require.Equal(t, http.StatusOK, post(t, base+"/webhooks/mcg", f))
	require.Equal(t, http.StatusBadRequest, post(t, base+"/webhooks/mcg", fixtures.File{Name: "bad.json", Data: []byte(`[`)}))
	req, err := http.NewRequest(http.MethodPost, base+"/webhooks/learnink", bytes.NewReader(mustRead(t, "../../testdata/learnink/user.course.started.json")))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("svix-id", "msg_log_test")
	req.Header.Set("svix-timestamp", "1")
	req.Header.Set("svix-signature", "v1,c2lnbmF0dXJlLXRoYXQtbXVzdC1ub3QtbGVhaw==")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusUnauthorized, resp.StatusCode)
	req, err = http.NewRequest(http.MethodPost, base+"/webhooks/braincert", strings.NewReader(`{}`))
	require.NoError(t, err)
	req.SetBasicAuth("hook", "wrong-password-xyz")
	resp, err = http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusUnauthorized, resp.StatusCode)

	s.stop()
	<-s.done
	var lines []map[string]any
	for line := range strings.Lines(stderr.String()) {
		var rec map[string]any
		require.NoError(t, json.Unmarshal([]byte(line), &rec), "every line is JSON: %s", line)
		if strings.HasPrefix(rec["msg"].(string), "delivery ") {
			lines = append(lines, rec)
		}
	}
	require.Len(t, lines, 5, stderr.String())
	want := []struct {
		msg, level string
		status     float64
		stored     float64
	}{
		{"delivery accepted", "INFO", 200, 1},
		{"delivery accepted: duplicate", "INFO", 200, 0},
		{"delivery rejected", "INFO", 400, 0},
		{"delivery rejected", "INFO", 401, 0},
		{"delivery rejected", "INFO", 401, 0},
	}
	for i, w := range want {
		assert.Equal(t, w.msg, lines[i]["msg"], i)
		assert.Equal(t, w.level, lines[i]["level"], i)
		assert.Equal(t, w.status, lines[i]["status"], i)
		assert.Equal(t, w.stored, lines[i]["stored"], i)
	}
	for _, i := range []int{0, 1} {
		assert.Equal(t, "mcg", lines[i]["vendor"])
		assert.Equal(t, "course_finish", lines[i]["vendor_event"])
		assert.Equal(t, toAny(ids), lines[i]["ids"])
	}
	assert.Equal(t, 1.0, lines[1]["duplicates"])
	assert.Equal(t, "malformed", lines[2]["error_kind"])
	assert.Equal(t, "msg_log_test", lines[3]["delivery_id"])
	assert.Equal(t, "unauthorized", lines[3]["error_kind"])
	assert.Equal(t, "braincert", lines[4]["vendor"])
	for _, leak := range []string{secret, strings.TrimPrefix(secret, "whsec_"), "c2lnbmF0dXJlLXRoYXQtbXVzdC1ub3QtbGVhaw", "s3cret-pass", "wrong-password-xyz"} {
		assert.NotContains(t, stderr.String(), leak)
	}
}

func toAny(ss []string) []any {
	var out []any
	for _, s := range ss {
		out = append(out, s)
	}
	return out
}

// TestUnknownRoutesAnswerJSON: a path no route serves is a JSON 404, a
// wrong method on an operator's endpoint a JSON 405, in the handlers'
// {"error": ...} shape.
func TestUnknownRoutesAnswerJSON(t *testing.T) {
	var stdout, stderr safeBuffer
	s := startRun(t, &stdout, &stderr)
	base := "http://" + s.addr
	for _, path := range []string{"/", "/nope", "/webhooks/moodle", "/webhooks/mcg/extra"} {
		status, ctype, body := get(t, base+path)
		assert.Equal(t, http.StatusNotFound, status, path)
		assert.Equal(t, "application/json", ctype, path)
		var answer map[string]string
		require.NoError(t, json.Unmarshal([]byte(body), &answer), path)
		assert.NotEmpty(t, answer["error"], path)
	}
	for _, path := range []string{"/healthz", "/readyz", "/metrics"} {
		resp, err := http.Post(base+path, "application/json", strings.NewReader(`{}`))
		require.NoError(t, err)
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		assert.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode, path)
		assert.Equal(t, "GET, HEAD", resp.Header.Get("Allow"), path)
		assert.JSONEq(t, `{"error":"method not allowed"}`, string(body), path)
	}
	status, _, body := get(t, base+"/webhooks/mcg")
	assert.Equal(t, http.StatusMethodNotAllowed, status)
	assert.Contains(t, body, `"error"`)
}

// TestReadyzWhenTheStoreIsGone: a store that no longer answers makes
// /readyz 503 with a JSON reason, while /healthz stays 200.
func TestReadyzWhenTheStoreIsGone(t *testing.T) {
	cfg := defaultConfig(t)
	cfg.store = filepath.Join(t.TempDir(), "lmshooks.db")
	logger := slog.New(slog.DiscardHandler)
	store, err := openInbox(context.Background(), cfg, logger)
	require.NoError(t, err)
	svc := &service{metrics: newMetrics(), readiness: &readiness{store: store, logger: logger}}
	srv := httptest.NewServer(newRoutes(cfg, newStoreDeliver(store, cfg, writerLines(io.Discard), logger), logger, svc))
	defer srv.Close()
	status, _, _ := get(t, srv.URL+"/readyz")
	require.Equal(t, http.StatusOK, status)
	require.NoError(t, store.Close())
	status, ctype, body := get(t, srv.URL+"/readyz")
	assert.Equal(t, http.StatusServiceUnavailable, status)
	assert.Equal(t, "application/json", ctype)
	assert.JSONEq(t, `{"error":"the store does not answer a ping"}`, body)
	status, _, _ = get(t, srv.URL+"/healthz")
	assert.Equal(t, http.StatusOK, status)
}

// TestRelayWatchTellsStuckFromBusy: rows due and a relay doing nothing
// for stuckAfter is stuck; a relay that delivers is not.
func TestRelayWatchTellsStuckFromBusy(t *testing.T) {
	cfg := defaultConfig(t)
	cfg.store = filepath.Join(t.TempDir(), "lmshooks.db")
	dest := &inboxtest.Sink{SinkName: "test"}
	cfg.sinks = []sink.Sink{dest}
	logger := slog.New(slog.DiscardHandler)
	store, err := openInbox(context.Background(), cfg, logger)
	require.NoError(t, err)
	defer store.Close()
	relay, err := store.NewRelay(cfg.sinks)
	require.NoError(t, err)
	watch := newRelayWatch(store, relay)
	watch.stuckAfter = time.Minute
	ctx := context.Background()
	now := time.Now()
	require.NoError(t, watch.check(ctx, now), "nothing due")

	srv := httptest.NewServer(newMux(cfg, newStoreDeliver(store, cfg, writerLines(io.Discard), logger), logger))
	defer srv.Close()
	require.Equal(t, http.StatusOK, post(t, srv.URL+"/webhooks/mcg", mcgFile(t)))
	require.NoError(t, watch.check(ctx, now.Add(30*time.Second)), "due, but not for long")
	err = watch.check(ctx, now.Add(2*time.Minute))
	require.Error(t, err, "due for two minutes, nothing done")
	assert.Contains(t, err.Error(), "1 outbox rows due")

	n, err := relay.DeliverDue(ctx)
	require.NoError(t, err)
	require.Equal(t, 1, n)
	assert.NoError(t, watch.check(ctx, now.Add(3*time.Minute)), "delivered: not stuck")
}

// TestRelayMetrics: with a sink, /metrics shows the outbox's rows by sink
// and state and the relay's counts, as they change.
func TestRelayMetrics(t *testing.T) {
	cfg := defaultConfig(t)
	cfg.store = filepath.Join(t.TempDir(), "lmshooks.db")
	dest := &inboxtest.Sink{SinkName: "test"}
	cfg.sinks = []sink.Sink{dest}
	logger := slog.New(slog.DiscardHandler)
	store, err := openInbox(context.Background(), cfg, logger)
	require.NoError(t, err)
	defer store.Close()
	relay, err := store.NewRelay(cfg.sinks)
	require.NoError(t, err)
	svc := &service{metrics: newMetrics(), readiness: &readiness{store: store, relay: newRelayWatch(store, relay), logger: logger}}
	svc.metrics.watchRelay(store, relay, logger)
	srv := httptest.NewServer(newRoutes(cfg, newStoreDeliver(store, cfg, writerLines(io.Discard), logger), logger, svc))
	defer srv.Close()
	addr := strings.TrimPrefix(srv.URL, "http://")

	require.Equal(t, http.StatusOK, post(t, srv.URL+"/webhooks/mcg", mcgFile(t)))
	families := scrape(t, addr)
	due, _ := sample(families, "lmshooks_outbox_rows", "sink", "test", "state", "due")
	assert.Equal(t, 1.0, due)
	delivered, _ := sample(families, "lmshooks_relay_delivered_total")
	assert.Equal(t, 0.0, delivered)

	n, err := relay.DeliverDue(context.Background())
	require.NoError(t, err)
	require.Equal(t, 1, n)
	families = scrape(t, addr)
	due, _ = sample(families, "lmshooks_outbox_rows", "sink", "test", "state", "due")
	assert.Equal(t, 0.0, due)
	done, ok := sample(families, "lmshooks_outbox_rows", "sink", "test", "state", "delivered")
	assert.True(t, ok)
	assert.Equal(t, 1.0, done)
	delivered, _ = sample(families, "lmshooks_relay_delivered_total")
	assert.Equal(t, 1.0, delivered)
	status, _, _ := get(t, srv.URL+"/readyz")
	assert.Equal(t, http.StatusOK, status)
}
