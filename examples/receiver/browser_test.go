package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/internal/golden"
)

// findChromium returns the path of Debian's chromium (or $CHROMIUM), or
// skips the test saying why.
func findChromium(t *testing.T) string {
	t.Helper()
	name := "chromium"
	if env := os.Getenv("CHROMIUM"); env != "" {
		name = env
	}
	path, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("SKIPPED the real-browser test: %q is not installed (%v). Install Debian's chromium package "+
			"(apt-get install -y chromium; .ci/run does that when apt-get is available) or set CHROMIUM to a Chromium binary.", name, err)
	}
	return path
}

// coursePlayer is the page that stands for Easygenerator's course player:
// on load it posts the course result to the receiver, from its own origin,
// and keeps the outcome in window.outcome.
const coursePlayer = `<!doctype html>
<html><head><title>course player</title></head><body>
<script>
window.outcome = fetch(%s, {method: "POST", headers: {"Content-Type": "application/json"}, body: %s})
	.then(r => r.text().then(body => ({status: r.status, body: body})))
	.catch(e => ({error: String(e)}));
</script></body></html>`

// TestBrowserPostsEasygeneratorResult: a page served from one origin posts
// an Easygenerator result with Content-Type application/json to the
// receiver on another origin, in headless Chromium. The browser must send
// a CORS preflight, see a 2xx, and the event must be printed.
func TestBrowserPostsEasygeneratorResult(t *testing.T) {
	chromium := findChromium(t)
	var stdout safeBuffer
	var preflights atomic.Int32

	page := httptest.NewServer(nil) // its handler is set once the receiver's URL is known
	defer page.Close()
	cfg, err := parseFlags([]string{"-allow-origin", page.URL}, io.Discard)
	require.NoError(t, err)
	mux := newMux(cfg, newDeliver(cfg, &stdout), slog.New(slog.DiscardHandler))
	receiver := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodOptions {
			preflights.Add(1)
		}
		mux.ServeHTTP(w, r)
	}))
	defer receiver.Close()
	require.NotEqual(t, page.URL, receiver.URL, "two origins")

	target, _ := json.Marshal(receiver.URL + "/webhooks/easygenerator")
	body, _ := json.Marshal(string(golden.Read(t, "../../testdata/easygenerator/course_finished.json")))
	html := fmt.Sprintf(coursePlayer, target, body)
	page.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = io.WriteString(w, html)
	})

	b, err := launchChromium(chromium, t.TempDir())
	require.NoError(t, err)
	defer b.close()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	session, err := b.openPage(ctx, page.URL+"/player.html")
	require.NoError(t, err, "chromium stderr:\n%s", b.stderr.String())

	waitForOutcome(ctx, t, b, session)
	var outcome struct {
		Status int    `json:"status"`
		Body   string `json:"body"`
		Error  string `json:"error"`
	}
	require.NoError(t, b.evaluate(ctx, session, "window.outcome", &outcome))
	require.Empty(t, outcome.Error, "the browser's fetch failed (CORS?)")
	assert.Equal(t, http.StatusOK, outcome.Status, "the browser sees the answer: %s", outcome.Body)
	assert.JSONEq(t, `{"status":"ok"}`, outcome.Body)
	assert.Equal(t, int32(1), preflights.Load(), "a JSON POST across origins is preflighted")
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	require.Len(t, lines, 1, "one event printed")
	assert.Contains(t, lines[0], `"vendor":"easygenerator"`)
	assert.Contains(t, lines[0], `"type":"course.completed"`)
}

// waitForOutcome polls the page until its script has started the post.
func waitForOutcome(ctx context.Context, t *testing.T, b *browser, session string) {
	t.Helper()
	for {
		var state struct {
			URL     string `json:"url"`
			Started bool   `json:"started"`
		}
		err := b.evaluate(ctx, session, `({url: location.href, started: window.outcome !== undefined})`, &state)
		switch {
		case err != nil && strings.Contains(err.Error(), "execution context"):
			// The tab is between two documents; ask again.
		case err != nil:
			t.Fatalf("%v\nchromium stderr:\n%s", err, b.stderr.String())
		case strings.HasPrefix(state.URL, "chrome-error:"):
			t.Fatal("Chromium could not load the page")
		case state.Started:
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
}
