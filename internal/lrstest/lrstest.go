// Package lrstest is the test support of the end-to-end tests against a
// real Learning Record Store, Learning Locker's statement service (npm
// xapi-statements@5.0.1) in memory: find the shared one .ci/run started,
// start a fresh one, read the statements an LRS holds, compare them with
// the golden statements. Only tests import it.
package lrstest

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"maps"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// The environment of the end-to-end tests, which .ci/run sets.
const (
	// URLEnv is the xAPI endpoint of a running Learning Locker statement
	// service, such as http://127.0.0.1:8081/xAPI.
	URLEnv = "LMSHOOKS_TEST_LRS_URL"
	// DirEnv is an npm prefix holding node_modules/xapi-statements, for
	// the tests that start their own LRS.
	DirEnv = "LMSHOOKS_TEST_LRS_DIR"
)

// serveScript serves the LRS on 127.0.0.1 only (see its comment).
//
//go:embed lrs-serve.js
var serveScript []byte

// Shared returns the endpoint of the running LRS, or skips t.
func Shared(t testing.TB) string {
	t.Helper()
	endpoint := os.Getenv(URLEnv)
	if endpoint == "" {
		t.Skipf("%s is not set: it names the xAPI endpoint of a running Learning Locker statement service (npm xapi-statements@5.0.1; .ci/run starts one)", URLEnv)
	}
	return strings.TrimRight(endpoint, "/")
}

// FreePort returns a loopback TCP port nothing listens on now.
func FreePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// Tools returns node and the npm prefix holding xapi-statements, or skips
// t.
func Tools(t testing.TB) (node, dir string) {
	t.Helper()
	dir = os.Getenv(DirEnv)
	if dir == "" {
		t.Skipf("%s is not set: it names an npm prefix with xapi-statements@5.0.1 installed, so that the test can start an LRS itself (.ci/run sets it)", DirEnv)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skipf("%s is set but node is not on PATH", DirEnv)
	}
	return node, dir
}

// Start starts Learning Locker's statement service, in memory, on
// 127.0.0.1:port, waits until it answers, and stops it (by its PID) when t
// ends. It skips t without DirEnv or node.
func Start(t testing.TB, port int) string {
	t.Helper()
	node, dir := Tools(t)
	work := t.TempDir()
	script := filepath.Join(work, "lrs-serve.js")
	if err := os.WriteFile(script, serveScript, 0o600); err != nil {
		t.Fatal(err)
	}
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

// Statements returns every statement the LRS holds, by id, following the
// LRS's "more" links.
func Statements(t testing.TB, endpoint string) map[string]map[string]any {
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

// CheckStored fails t unless the LRS holds each statement (a JSON value)
// as sent: the same JSON value once the LRS's own additions (stored,
// authority, version, and the timestamp of a statement sent without one)
// are left out.
func CheckStored(t testing.TB, held map[string]map[string]any, statements []map[string]any) {
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

// Vendors are the folders of testdata holding documented bodies.
var Vendors = []string{"braincert", "easygenerator", "learnink", "mcg", "toolzz"}

// Body is one documented JSON body with golden statements.
type Body struct {
	// Vendor is its testdata folder, Path its file.
	Vendor, Path string
	// Statements are those of its .xapi.golden file, as JSON values.
	Statements []map[string]any
}

// Bodies returns every documented JSON body of testdata/<vendor>, each
// with the statements of its .xapi.golden file, sorted by vendor and name.
func Bodies(t testing.TB) []Body {
	t.Helper()
	_, here, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("lrstest: cannot tell where the repository is")
	}
	root := filepath.Join(filepath.Dir(here), "..", "..", "testdata")
	var out []Body
	for _, vendor := range Vendors {
		paths, err := filepath.Glob(filepath.Join(root, vendor, "*.json"))
		if err != nil || len(paths) == 0 {
			t.Fatalf("no documented bodies in %s (%v)", filepath.Join(root, vendor), err)
		}
		for _, path := range paths {
			goldenPath := strings.TrimSuffix(path, ".json") + ".xapi.golden"
			data, err := os.ReadFile(goldenPath)
			if err != nil {
				t.Fatal(err)
			}
			body := Body{Vendor: vendor, Path: path}
			if err := json.Unmarshal(data, &body.Statements); err != nil {
				t.Fatalf("%s: %v", goldenPath, err)
			}
			out = append(out, body)
		}
	}
	return out
}

// GoldenStatements returns the statements of every body of Bodies.
func GoldenStatements(t testing.TB) []map[string]any {
	t.Helper()
	var all []map[string]any
	for _, b := range Bodies(t) {
		all = append(all, b.Statements...)
	}
	return all
}
