package mcg_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/internal/golden"
	"github.com/lmshooks/lmshooks/mcg"
)

// recorder is a callback that remembers what it was handed.
type recorder struct {
	calls  atomic.Int32
	last   atomic.Value // mcg.Event
	result func() error
}

func (r *recorder) handle(_ context.Context, event mcg.Event) error {
	r.calls.Add(1)
	r.last.Store(event)
	if r.result != nil {
		return r.result()
	}
	return nil
}

func post(t *testing.T, h http.Handler, method, contentType string, body []byte) *http.Response {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	req, err := http.NewRequest(method, srv.URL, bytes.NewReader(body))
	require.NoError(t, err)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := srv.Client().Do(req)
	require.NoError(t, err)
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

func readBody(t *testing.T, resp *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return string(b)
}

func quietLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }

func TestHandlerDeliversEveryDocumentedBody(t *testing.T) {
	for _, path := range golden.Fixtures(t, fixtures, ".json") {
		rec := &recorder{}
		resp := post(t, mcg.Handler(rec.handle), http.MethodPost, "application/json", golden.Read(t, path))
		assert.Equal(t, http.StatusOK, resp.StatusCode, path)
		assert.Equal(t, int32(1), rec.calls.Load(), path)
		want, err := mcg.Parse(golden.Read(t, path))
		require.NoError(t, err)
		assert.Equal(t, want, rec.last.Load(), path)
	}
}

func TestHandlerStatuses(t *testing.T) {
	good := golden.Read(t, fixtures+"/course_answer.json")
	tests := []struct {
		name        string
		method      string
		contentType string
		body        []byte
		opts        []mcg.Option
		callback    func() error
		status      int
		delivered   bool
		errContains string
	}{
		{name: "json", method: "POST", contentType: "application/json", body: good, status: 200, delivered: true},
		{name: "json with charset", method: "POST", contentType: "application/json; charset=utf-8", body: good, status: 200, delivered: true},
		{name: "vendor json", method: "POST", contentType: "application/vnd.mcg+json", body: good, status: 200, delivered: true},
		{name: "no content type", method: "POST", body: good, status: 200, delivered: true},
		{name: "unknown event is delivered", method: "POST", body: []byte(`{"Type":"course_pause"}`), status: 200, delivered: true},
		{name: "malformed", method: "POST", body: []byte(`{"Type":`), status: 400, errContains: "malformed body"},
		{name: "invalid", method: "POST", body: []byte(`{"Type":"course_answer","uniqueId":"u","answer":{"cardId":1}}`), status: 400, errContains: "field courseCode"},
		{name: "no event type", method: "POST", body: []byte(`{"uniqueId":"u"}`), status: 400, errContains: "no event type"},
		{name: "empty body", method: "POST", body: nil, status: 400, errContains: "malformed body"},
		{name: "GET", method: "GET", status: 405},
		{name: "PUT", method: "PUT", body: good, status: 405},
		{name: "OPTIONS", method: "OPTIONS", status: 405},
		{name: "form", method: "POST", contentType: "application/x-www-form-urlencoded", body: good, status: 415},
		{name: "text", method: "POST", contentType: "text/plain", body: good, status: 415},
		{name: "bad content type", method: "POST", contentType: "application/json; =;", body: good, status: 415},
		{name: "over the limit", method: "POST", body: good, opts: []mcg.Option{mcg.WithMaxBodyBytes(int64(len(good) - 1))}, status: 413},
		{name: "at the limit", method: "POST", body: good, opts: []mcg.Option{mcg.WithMaxBodyBytes(int64(len(good)))}, status: 200, delivered: true},
		{name: "callback error", method: "POST", body: good, callback: func() error { return errors.New("database down: secret-dsn") }, status: 500, delivered: true, errContains: "internal error"},
		{name: "callback panic", method: "POST", body: good, callback: func() error { panic("boom") }, status: 500, delivered: true, errContains: "internal error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &recorder{result: tt.callback}
			opts := append([]mcg.Option{mcg.WithLogger(quietLogger())}, tt.opts...)
			resp := post(t, mcg.Handler(rec.handle, opts...), tt.method, tt.contentType, tt.body)
			body := readBody(t, resp)
			assert.Equal(t, tt.status, resp.StatusCode, body)
			assert.Equal(t, tt.delivered, rec.calls.Load() == 1, "callback called %d times", rec.calls.Load())
			assert.Equal(t, "application/json", resp.Header.Get("Content-Type"))
			if tt.status == http.StatusMethodNotAllowed {
				assert.Equal(t, "POST", resp.Header.Get("Allow"))
			}
			if tt.errContains != "" {
				assert.Contains(t, body, tt.errContains)
				assert.True(t, strings.HasPrefix(body, `{"error":`), body)
			}
			assert.NotContains(t, body, "secret-dsn")
		})
	}
}

func TestHandlerStopsReadingAtTheLimit(t *testing.T) {
	const limit = 1024
	body := &countingReader{remaining: 10 << 20}
	req := httptest.NewRequest(http.MethodPost, "/", body)
	req.ContentLength = -1 // unknown length: the limit must stop the read itself
	w := httptest.NewRecorder()
	rec := &recorder{}
	mcg.Handler(rec.handle, mcg.WithMaxBodyBytes(limit), mcg.WithLogger(quietLogger())).ServeHTTP(w, req)
	assert.Equal(t, http.StatusRequestEntityTooLarge, w.Code)
	assert.Zero(t, rec.calls.Load())
	assert.LessOrEqual(t, body.read, int64(limit+64*1024), "read far past the limit")
}

func TestHandlerRejectsDeclaredOversizeWithoutReading(t *testing.T) {
	body := &countingReader{remaining: 10 << 20}
	req := httptest.NewRequest(http.MethodPost, "/", body)
	req.ContentLength = 10 << 20
	w := httptest.NewRecorder()
	mcg.Handler((&recorder{}).handle, mcg.WithLogger(quietLogger())).ServeHTTP(w, req)
	assert.Equal(t, http.StatusRequestEntityTooLarge, w.Code)
	assert.Zero(t, body.read)
}

func TestHandlerLogsPanic(t *testing.T) {
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, nil))
	rec := &recorder{result: func() error { panic("callback exploded") }}
	resp := post(t, mcg.Handler(rec.handle, mcg.WithLogger(logger)), "POST", "", golden.Read(t, fixtures+"/course_finish.json"))
	assert.Equal(t, http.StatusInternalServerError, resp.StatusCode)
	assert.Contains(t, logs.String(), "callback exploded")
	assert.Contains(t, logs.String(), "level=ERROR")
}

func TestHandlerPassesRequestContext(t *testing.T) {
	type key struct{}
	var got any
	h := mcg.Handler(func(ctx context.Context, _ mcg.Event) error {
		got = ctx.Value(key{})
		return nil
	})
	req := httptest.NewRequest(http.MethodPost, "/", bytes.NewReader(golden.Read(t, fixtures+"/course_answer.json")))
	req = req.WithContext(context.WithValue(req.Context(), key{}, "from the request"))
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	require.Equal(t, http.StatusOK, w.Code)
	assert.Equal(t, "from the request", got)
}

// countingReader yields a body of spaces and counts how much was read.
type countingReader struct {
	remaining int64
	read      int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	if c.remaining == 0 {
		return 0, io.EOF
	}
	n := min(int64(len(p)), c.remaining)
	for i := range n {
		p[i] = ' '
	}
	c.remaining -= n
	c.read += n
	return int(n), nil
}
