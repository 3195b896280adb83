package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/canonical/inbox"
	"github.com/lmshooks/lmshooks/internal/lrstest"
)

// goldenLRSFlags are the receiver's flags that make the golden statements
// (canonical/xapi's documentedOptions: the defaults, both opt-in types on).
func goldenLRSFlags(endpoint string) []string {
	return []string{"-lrs", endpoint + "/", "-lrs-auth", "lmshooks:test", "-xapi-opt-in", "order.completed,notification.sent"}
}

// postBodies posts every documented body to its vendor's route; each must
// be answered 200.
func postBodies(t *testing.T, addr string, bodies []lrstest.Body) {
	t.Helper()
	for _, b := range bodies {
		data, err := os.ReadFile(b.Path)
		require.NoError(t, err)
		resp, err := http.Post("http://"+addr+"/webhooks/"+b.Vendor, "application/json", bytes.NewReader(data))
		require.NoError(t, err)
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		require.Equal(t, http.StatusOK, resp.StatusCode, b.Path)
	}
}

// waitForStatements waits until the LRS holds n statements, and returns
// them; it fails t after timeout.
func waitForStatements(t *testing.T, endpoint string, n int, timeout time.Duration) map[string]map[string]any {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		held := lrstest.Statements(t, endpoint)
		if len(held) >= n {
			return held
		}
		if time.Now().After(deadline) {
			t.Fatalf("after %s the LRS holds %d statements, want %d", timeout, len(held), n)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// settle is long enough for the relay (500 ms poll) to send anything left.
const settle = 2 * time.Second

// TestLRSHoldsTheGoldenStatements: every documented body posted to the
// receiver with -lrs leaves exactly the golden statements in a fresh LRS;
// posting everything again adds none.
func TestLRSHoldsTheGoldenStatements(t *testing.T) {
	endpoint := lrstest.Start(t, lrstest.FreePort(t))
	bodies, golden := lrstest.Bodies(t), lrstest.GoldenStatements(t)
	var stdout, stderr safeBuffer
	s := startRun(t, &stdout, &stderr, goldenLRSFlags(endpoint)...)
	postBodies(t, s.addr, bodies)
	held := waitForStatements(t, endpoint, len(golden), 30*time.Second)
	lrstest.CheckStored(t, held, golden)
	printed := stdout.String()

	postBodies(t, s.addr, bodies)
	time.Sleep(settle)
	assert.Len(t, lrstest.Statements(t, endpoint), len(golden), "the LRS holds exactly the golden statements, after everything was posted twice")
	assert.Equal(t, printed, stdout.String(), "nothing posted again is new")
	t.Logf("%d bodies posted twice; the LRS holds %d statements", len(bodies), len(golden))
}

// TestLRSStartedLateReceivesEverything: the documented bodies arrive while
// no LRS listens; the relay retries (with a backoff shortened through the
// relay's options) and, once the LRS is started on that port, every golden
// statement arrives, once.
func TestLRSStartedLateReceivesEverything(t *testing.T) {
	lrstest.Tools(t) // skips now rather than after the outage
	port := lrstest.FreePort(t)
	endpoint := fmt.Sprintf("http://127.0.0.1:%d/xAPI", port)
	bodies, golden := lrstest.Bodies(t), lrstest.GoldenStatements(t)
	var stderr safeBuffer
	ctx := withRelayOptions(context.Background(), inbox.WithRelayBackoff(100*time.Millisecond, time.Second), inbox.WithRelayGiveUp(1000, time.Hour))
	s := startRunContext(ctx, t, io.Discard, &stderr, goldenLRSFlags(endpoint)...)
	postBodies(t, s.addr, bodies)
	time.Sleep(settle) // every row fails at least once

	lrstest.Start(t, port)
	held := waitForStatements(t, endpoint, len(golden), 60*time.Second)
	lrstest.CheckStored(t, held, golden)
	time.Sleep(settle)
	assert.Len(t, lrstest.Statements(t, endpoint), len(golden), "every statement arrived once")

	s.stop()
	<-s.done
	retried := relayCount(t, stderr.String(), "retried")
	assert.Positive(t, retried, "the relay retried while the LRS was down")
	assert.Zero(t, relayCount(t, stderr.String(), "dead"), "no row died")
	t.Logf("%d statements arrived after %d retries", len(golden), retried)
}

// relayCount reads a count from the last "relay" line the receiver logged.
func relayCount(t *testing.T, logs, name string) int {
	t.Helper()
	var last string
	for line := range strings.Lines(logs) {
		if strings.Contains(line, "msg=relay ") {
			last = line
		}
	}
	require.NotEmpty(t, last, "the receiver logged no relay counts:\n%s", logs)
	var n int
	for field := range strings.FieldsSeq(last) {
		if v, ok := strings.CutPrefix(field, name+"="); ok {
			_, err := fmt.Sscan(v, &n)
			require.NoError(t, err, last)
			return n
		}
	}
	t.Fatalf("no %s= in %q", name, last)
	return 0
}

// lrsPost is one POST of statements the LRS was sent, and its answer.
type lrsPost struct {
	statements, status int
}

// recordingProxy forwards to endpoint and records every POST of
// statements: how many it held and what the LRS answered.
func recordingProxy(t *testing.T, endpoint string) (string, func() []lrsPost) {
	t.Helper()
	target, err := url.Parse(endpoint)
	require.NoError(t, err)
	var mu sync.Mutex
	var posts []lrsPost
	proxy := httputil.NewSingleHostReverseProxy(&url.URL{Scheme: target.Scheme, Host: target.Host})
	proxy.ModifyResponse = func(resp *http.Response) error {
		if resp.Request.Method != http.MethodPost {
			return nil
		}
		var sent []json.RawMessage
		body, err := resp.Request.GetBody()
		if err == nil {
			err = json.NewDecoder(body).Decode(&sent)
		}
		if err != nil {
			return fmt.Errorf("recording a POST to the LRS: %w", err) // answered 502: the test sees it
		}
		mu.Lock()
		posts = append(posts, lrsPost{len(sent), resp.StatusCode})
		mu.Unlock()
		return nil
	}
	inner := proxy.Director
	proxy.Director = func(r *http.Request) {
		// Keep the body for ModifyResponse: GetBody re-reads it.
		data, err := io.ReadAll(r.Body)
		if err != nil {
			t.Errorf("reading a request to the LRS: %v", err)
		}
		r.Body = io.NopCloser(bytes.NewReader(data))
		r.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil }
		inner(r)
	}
	srv := httptest.NewServer(proxy)
	t.Cleanup(srv.Close)
	return srv.URL + target.Path, func() []lrsPost {
		mu.Lock()
		defer mu.Unlock()
		return append([]lrsPost(nil), posts...)
	}
}

// buildInboxTool builds examples/inbox into a temporary directory.
func buildInboxTool(t testing.TB) string {
	t.Helper()
	tool := filepath.Join(t.TempDir(), "inbox")
	if out, err := exec.Command("go", "build", "-o", tool, "../inbox").CombinedOutput(); err != nil {
		t.Fatalf("go build ../inbox: %v\n%s", err, out)
	}
	return tool
}

// badLearner is an MCG course_finish whose learner's e-mail has no dotted
// domain: a valid address (Validate accepts its mailto), which Learning
// Locker refuses.
const badLearner = `{"Type":"course_finish","uniqueId":"ann@intranet","courseCode":"lrs-e2e","courseName":"Refused"}`

// TestLRSRejectedStatementIsDead: the documented bodies and one whose
// statement the LRS refuses (badLearner) are stored by a receiver without
// -lrs, queued for the LRS at once with examples/inbox replay (a
// backfill), and delivered by a receiver with -lrs: all of them go in one
// batch, which the LRS answers 400; the sink splits it, so every golden
// statement is stored, and examples/inbox dead shows the refused event
// with the LRS's message.
func TestLRSRejectedStatementIsDead(t *testing.T) {
	endpoint := lrstest.Start(t, lrstest.FreePort(t))
	bodies, golden := lrstest.Bodies(t), lrstest.GoldenStatements(t)
	tool := buildInboxTool(t)
	db := filepath.Join(t.TempDir(), "lmshooks.db")

	var printed safeBuffer
	first := startRun(t, &printed, io.Discard, "-store", db)
	postBodies(t, first.addr, bodies)
	before := printed.String()
	resp, err := http.Post("http://"+first.addr+"/webhooks/mcg", "application/json", strings.NewReader(badLearner))
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	first.stop()
	<-first.done
	require.NoError(t, first.err)
	var badEvent struct{ ID string }
	require.NoError(t, json.Unmarshal([]byte(strings.TrimPrefix(printed.String(), before)), &badEvent))
	out, err := exec.Command(tool, "replay", "-store", db, "-sink", "lrs").CombinedOutput()
	require.NoError(t, err, "%s", out)
	t.Logf("examples/inbox replay: %s", out)

	proxied, posts := recordingProxy(t, endpoint)
	var stderr safeBuffer
	startRun(t, io.Discard, &stderr, append(goldenLRSFlags(proxied), "-store", db)...)
	var dead string
	deadline := time.Now().Add(30 * time.Second)
	for dead == "" && time.Now().Before(deadline) {
		time.Sleep(200 * time.Millisecond)
		out, err := exec.Command(tool, "dead", "-store", db).Output()
		require.NoError(t, err)
		dead = string(out)
	}
	t.Logf("examples/inbox dead:\n%s", dead)
	require.NotEmpty(t, dead, "no dead row within 30 s; POSTs %v; the receiver logged:\n%s", posts(), stderr.String())
	lines := strings.Split(strings.TrimSpace(dead), "\n")
	require.Len(t, lines, 1, "exactly one dead row")
	fields := strings.Split(lines[0], "\t")
	require.Len(t, fields, 5, lines[0])
	assert.Equal(t, "lrs", fields[1])
	assert.Equal(t, badEvent.ID, fields[2])
	assert.Contains(t, fields[4], "400", "the LRS's status")
	assert.Contains(t, fields[4], "actor.mbox", "the LRS's message names what it refused")

	held := waitForStatements(t, endpoint, len(golden), 10*time.Second)
	lrstest.CheckStored(t, held, golden)
	assert.Len(t, held, len(golden), "every golden statement, and not the refused one")
	sent := posts()
	require.NotEmpty(t, sent)
	assert.Equal(t, lrsPost{len(golden) + 1, http.StatusBadRequest}, sent[0], "the first POST held every statement, in one batch, and was refused")
	t.Logf("POSTs to the LRS (statements, status): %v", sent)
}
