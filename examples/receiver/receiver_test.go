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

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/internal/golden"
)

// TestRoutesPrintCanonicalLines posts every documented body to its route and
// checks the printed line against the canonical golden file.
func TestRoutesPrintCanonicalLines(t *testing.T) {
	routes := map[string]string{
		"mcg": "/webhooks/mcg",
	}
	for vendor, route := range routes {
		for _, path := range golden.Fixtures(t, filepath.Join("../../testdata", vendor), ".json") {
			t.Run(vendor+"/"+filepath.Base(path), func(t *testing.T) {
				var out bytes.Buffer
				srv := httptest.NewServer(newMux(config{}, &lineWriter{w: &out}, slog.New(slog.DiscardHandler)))
				defer srv.Close()
				resp, err := http.Post(srv.URL+route, "application/json", bytes.NewReader(golden.Read(t, path)))
				require.NoError(t, err)
				resp.Body.Close()
				require.Equal(t, http.StatusOK, resp.StatusCode)

				var want []json.RawMessage
				require.NoError(t, json.Unmarshal(golden.Read(t, golden.Path(path, "canonical")), &want))
				lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
				require.Len(t, lines, len(want))
				for i, line := range lines {
					assert.JSONEq(t, string(want[i]), line)
				}
			})
		}
	}
}

func TestBadRequestPrintsNothing(t *testing.T) {
	var out bytes.Buffer
	srv := httptest.NewServer(newMux(config{}, &lineWriter{w: &out}, slog.New(slog.DiscardHandler)))
	defer srv.Close()
	resp, err := http.Post(srv.URL+"/webhooks/mcg", "application/json", strings.NewReader(`{"Type":"course_answer"}`))
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
	assert.Empty(t, out.String())
}

// failingWriter stands for a stdout that cannot be written.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, io.ErrClosedPipe }

func TestUnprintableEventIsA500(t *testing.T) {
	srv := httptest.NewServer(newMux(config{}, &lineWriter{w: failingWriter{}}, slog.New(slog.DiscardHandler)))
	defer srv.Close()
	resp, err := http.Post(srv.URL+"/webhooks/mcg", "application/json", bytes.NewReader(golden.Read(t, "../../testdata/mcg/course_answer.json")))
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusInternalServerError, resp.StatusCode, "the vendor must retry an event that was not printed")
}

// TestRunServesAndShutsDown starts the real server, delivers one event and
// stops it the way SIGINT does (through the context).
func TestRunServesAndShutsDown(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr bytes.Buffer
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"-addr", "127.0.0.1:0"}, &stdout, &stderr, ready) }()

	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		t.Fatalf("run returned early: %v\n%s", err, stderr.String())
	case <-time.After(10 * time.Second):
		t.Fatal("server did not start")
	}
	resp, err := http.Post("http://"+addr+"/webhooks/mcg", "application/json", bytes.NewReader(golden.Read(t, "../../testdata/mcg/course_finish.json")))
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)

	cancel()
	select {
	case err := <-done:
		require.NoError(t, err)
	case <-time.After(15 * time.Second):
		t.Fatal("server did not shut down")
	}
	assert.Contains(t, stdout.String(), `"type":"course.completed"`)
	assert.Contains(t, stderr.String(), "shutting down")
}
