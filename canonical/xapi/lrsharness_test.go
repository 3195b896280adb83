package xapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/canonical/xapi"
	"github.com/lmshooks/lmshooks/internal/golden"
)

// The environment of the end-to-end tests, which .ci/run sets.
const (
	// lrsURLEnv is the xAPI endpoint of a running Learning Locker
	// statement service, such as http://127.0.0.1:8081/xAPI.
	lrsURLEnv = "LMSHOOKS_TEST_LRS_URL"
	// lrsDirEnv is an npm prefix holding node_modules/xapi-statements, for
	// the tests that start their own LRS.
	lrsDirEnv = "LMSHOOKS_TEST_LRS_DIR"
)

// sharedLRS returns the endpoint of the running LRS, or skips t.
func sharedLRS(t testing.TB) string {
	t.Helper()
	endpoint := os.Getenv(lrsURLEnv)
	if endpoint == "" {
		t.Skipf("%s is not set: it names the xAPI endpoint of a running Learning Locker statement service (npm xapi-statements@5.0.1; .ci/run starts one)", lrsURLEnv)
	}
	return strings.TrimRight(endpoint, "/")
}

// freePort returns a loopback TCP port nothing listens on now.
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// lrsTools returns node and the npm prefix holding xapi-statements, or
// skips t.
func lrsTools(t *testing.T) (node, dir string) {
	t.Helper()
	dir = os.Getenv(lrsDirEnv)
	if dir == "" {
		t.Skipf("%s is not set: it names an npm prefix with xapi-statements@5.0.1 installed, so that the test can start an LRS itself (.ci/run sets it)", lrsDirEnv)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skipf("%s is set but node is not on PATH", lrsDirEnv)
	}
	return node, dir
}

// startLRS starts Learning Locker's statement service, in memory, on
// 127.0.0.1:port with testdata/lrs-serve.js, waits until it answers, and
// stops it (by its PID) when t ends. It skips t without lrsDirEnv or node.
func startLRS(t *testing.T, port int) string {
	t.Helper()
	node, dir := lrsTools(t)
	script, err := filepath.Abs(filepath.Join("testdata", "lrs-serve.js"))
	if err != nil {
		t.Fatal(err)
	}
	work := t.TempDir()
	cmd := exec.Command(node, script, dir, fmt.Sprint(port))
	cmd.Dir = work
	cmd.Env = append(os.Environ(), "AUTH_REPO=test", "EVENTS_REPO=test", "MODELS_REPO=memory", "STORAGE_REPO=memory",
		"EXPRESS_MORGAN_DIRECTORY="+filepath.Join(work, "access"), "FS_LOCAL_STORAGE_DIR="+filepath.Join(work, "storage"),
		"WINSTON_CONSOLE_LEVEL=warn")
	var logs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = cmd.Process.Kill() // this process only, by its PID
		<-exited
	})
	endpoint := fmt.Sprintf("http://127.0.0.1:%d/xAPI", port)
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get(endpoint + "/about")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return endpoint
			}
		}
		select {
		case err := <-exited:
			t.Fatalf("the LRS exited (%v):\n%s", err, logs.Bytes())
		case <-time.After(100 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("the LRS did not answer %s/about within 30 s: %v\n%s", endpoint, err, logs.Bytes())
		}
	}
}

// lrsStatements returns every statement the LRS holds, by id, following
// the LRS's "more" links.
func lrsStatements(t testing.TB, endpoint string) map[string]map[string]any {
	t.Helper()
	base, err := url.Parse(endpoint)
	if err != nil {
		t.Fatal(err)
	}
	all := map[string]map[string]any{}
	next := endpoint + "/statements?limit=500"
	for next != "" {
		var page struct {
			Statements []map[string]any `json:"statements"`
			More       string           `json:"more"`
		}
		getJSON(t, next, &page)
		for _, s := range page.Statements {
			all[s["id"].(string)] = s
		}
		next = ""
		if page.More != "" {
			more, err := base.Parse(page.More)
			if err != nil {
				t.Fatalf("more link %q: %v", page.More, err)
			}
			next = more.String()
		}
	}
	return all
}

func getJSON(t testing.TB, u string, v any) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("X-Experience-API-Version", "1.0.3")
	req.SetBasicAuth("lmshooks", "test")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", u, resp.Status)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
}

// checkStored fails t unless the LRS holds each statement (a JSON value)
// as sent: the same JSON value once the LRS's own additions (stored,
// authority, version, and the timestamp of a statement sent without one)
// are left out.
func checkStored(t *testing.T, held map[string]map[string]any, statements []map[string]any) {
	t.Helper()
	for _, want := range statements {
		id, _ := want["id"].(string)
		got, ok := held[id]
		if !ok {
			t.Errorf("the LRS does not hold statement %s", id)
			continue
		}
		got = maps.Clone(got)
		delete(got, "stored")
		delete(got, "authority")
		delete(got, "version")
		if _, sent := want["timestamp"]; !sent { // the LRS sets it to when it stored the statement
			if _, ok := got["timestamp"]; !ok {
				t.Errorf("statement %s: the LRS gave it no timestamp", id)
			}
			delete(got, "timestamp")
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("statement %s as stored differs (-sent +stored):\n%s", id, diff)
		}
	}
}

// goldenStatements reads the statements of every .xapi.golden file, as
// JSON values.
func goldenStatements(t *testing.T) []map[string]any {
	t.Helper()
	var all []map[string]any
	for _, body := range documented(t) {
		var statements []map[string]any
		if err := json.Unmarshal(golden.Read(t, golden.Path(body.path, "xapi")), &statements); err != nil {
			t.Fatalf("%s: %v", body.path, err)
		}
		all = append(all, statements...)
	}
	return all
}

// asJSON returns statements as JSON values.
func asJSON(t *testing.T, statements []xapi.Statement) []map[string]any {
	t.Helper()
	encoded, err := json.Marshal(statements)
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]any
	if err := json.Unmarshal(encoded, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// documentedEvents lists the canonical events of every documented body.
func documentedEvents(t testing.TB) []canonical.Event {
	var events []canonical.Event
	for _, body := range documented(t) {
		events = append(events, body.events...)
	}
	return events
}

// newLRS returns an LRS sink with the golden statements' options unless
// cfg says other ones.
func newLRS(t testing.TB, cfg xapi.LRSConfig) *xapi.LRS {
	t.Helper()
	if cfg.Mapping == nil {
		cfg.Mapping = documentedOptions
	}
	if cfg.Auth == "" {
		cfg.Auth = "lmshooks:test"
	}
	l, err := xapi.NewLRS(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// deliver delivers events and returns their errors, failing t when
// Deliver breaks its contract (a slice of the wrong length).
func deliver(t testing.TB, l *xapi.LRS, events []canonical.Event) []error {
	t.Helper()
	errs := l.Deliver(context.Background(), events)
	if errs != nil && len(errs) != len(events) {
		t.Fatalf("Deliver returned %d errors for %d events", len(errs), len(events))
	}
	return errs
}
