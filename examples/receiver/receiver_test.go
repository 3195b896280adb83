package main

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
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
		"mcg":           "/webhooks/mcg",
		"learnink":      "/webhooks/learnink",
		"braincert":     "/webhooks/braincert",
		"easygenerator": "/webhooks/easygenerator",
		"toolzz":        "/webhooks/toolzz",
	}
	for vendor, route := range routes {
		for _, path := range golden.Fixtures(t, filepath.Join("../../testdata", vendor), ".json") {
			t.Run(vendor+"/"+filepath.Base(path), func(t *testing.T) {
				var out bytes.Buffer
				srv := newTestServer(t, defaultConfig(t), &out)
				require.Equal(t, http.StatusOK, postFile(t, srv.URL+route, path))

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

// defaultConfig is the configuration the command line gives without flags.
func defaultConfig(t *testing.T) config {
	t.Helper()
	cfg, err := parseFlags(nil, io.Discard)
	require.NoError(t, err)
	return cfg
}

func newTestServer(t *testing.T, cfg config, stdout io.Writer) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(newMux(cfg, newDeliver(cfg, stdout), slog.New(slog.DiscardHandler)))
	t.Cleanup(srv.Close)
	return srv
}

func postFile(t *testing.T, url, path string) int {
	t.Helper()
	resp, err := http.Post(url, "application/json", bytes.NewReader(golden.Read(t, path)))
	require.NoError(t, err)
	resp.Body.Close()
	return resp.StatusCode
}

func TestDuplicateIsAcceptedButNotPrinted(t *testing.T) {
	var out bytes.Buffer
	srv := newTestServer(t, defaultConfig(t), &out)
	for range 3 {
		assert.Equal(t, http.StatusOK, postFile(t, srv.URL+"/webhooks/mcg", "../../testdata/mcg/course_finish.json"))
	}
	assert.Equal(t, 1, strings.Count(out.String(), "\n"))

	cfg := defaultConfig(t)
	cfg.dedup = false
	out.Reset()
	srv = newTestServer(t, cfg, &out)
	for range 2 {
		assert.Equal(t, http.StatusOK, postFile(t, srv.URL+"/webhooks/mcg", "../../testdata/mcg/course_finish.json"))
	}
	assert.Equal(t, 2, strings.Count(out.String(), "\n"), "-dedup=false prints every delivery")
}

func TestFormatCloudEvents(t *testing.T) {
	cfg, err := parseFlags([]string{"-format", "cloudevents"}, io.Discard)
	require.NoError(t, err)
	var out bytes.Buffer
	srv := newTestServer(t, cfg, &out)
	require.Equal(t, http.StatusOK, postFile(t, srv.URL+"/webhooks/mcg", "../../testdata/mcg/course_answer.json"))
	var line map[string]any
	require.NoError(t, json.Unmarshal(out.Bytes(), &line))
	assert.Equal(t, "1.0", line["specversion"])
	assert.Equal(t, "dev.lmshooks.card.answered", line["type"])
	assert.Equal(t, "https://lmshooks.dev/vendors/mcg", line["source"])
	assert.Equal(t, "2734339", line["subject"])
	assert.Equal(t, "2026-03-17T10:53:51.44271Z", line["time"])
	assert.Equal(t, line["id"], line["data"].(map[string]any)["id"])
}

func TestBadFlags(t *testing.T) {
	_, err := parseFlags([]string{"-format", "xml"}, io.Discard)
	assert.ErrorContains(t, err, "-format must be")
}

func TestBadRequestPrintsNothing(t *testing.T) {
	var out bytes.Buffer
	srv := newTestServer(t, defaultConfig(t), &out)
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
	srv := newTestServer(t, defaultConfig(t), failingWriter{})
	path := "../../testdata/mcg/course_answer.json"
	assert.Equal(t, http.StatusInternalServerError, postFile(t, srv.URL+"/webhooks/mcg", path), "the vendor must retry an event that was not printed")
	assert.Equal(t, http.StatusInternalServerError, postFile(t, srv.URL+"/webhooks/mcg", path), "a failed delivery is not remembered as delivered")
}

// TestRunServesAndShutsDown starts the real server, delivers one event and
// stops it the way SIGINT does (through the context).
func TestRunServesAndShutsDown(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr bytes.Buffer
	ready := make(chan string, 1)
	done := make(chan error, 1)
	args := []string{"-addr", "127.0.0.1:0", "-store", filepath.Join(t.TempDir(), "lmshooks.db")}
	go func() { done <- run(ctx, args, &stdout, &stderr, ready) }()

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

func TestLearnInkSecretRequiresSignatures(t *testing.T) {
	const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
	cfg, err := parseFlags([]string{"-learnink-secret", "whsec_b2xkIHNlY3JldA==," + secret}, io.Discard)
	require.NoError(t, err)
	require.Len(t, cfg.learninkSecrets, 2)
	var out bytes.Buffer
	srv := newTestServer(t, cfg, &out)
	body := golden.Read(t, "../../testdata/learnink/user.course.started.json")

	assert.Equal(t, http.StatusUnauthorized, postFile(t, srv.URL+"/webhooks/learnink", "../../testdata/learnink/user.course.started.json"))
	assert.Empty(t, out.String())

	req, err := http.NewRequest(http.MethodPost, srv.URL+"/webhooks/learnink", bytes.NewReader(body))
	require.NoError(t, err)
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, "whsec_"))
	require.NoError(t, err)
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte("msg_receiver_test." + ts + "."))
	mac.Write(body)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("svix-id", "msg_receiver_test")
	req.Header.Set("svix-timestamp", ts)
	req.Header.Set("svix-signature", "v1,"+base64.StdEncoding.EncodeToString(mac.Sum(nil)))
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Contains(t, out.String(), `"id":"learnink:user.course.started:msg_receiver_test"`)
}

func TestBadLearnInkSecretStopsStartUp(t *testing.T) {
	_, err := parseFlags([]string{"-learnink-secret", "whsec_not base64!"}, io.Discard)
	assert.Error(t, err)
}

func TestBrainCertXMLPrintsTheLineOfItsJSONTwin(t *testing.T) {
	var jsonOut, xmlOut bytes.Buffer
	jsonSrv := newTestServer(t, defaultConfig(t), &jsonOut)
	xmlSrv := newTestServer(t, defaultConfig(t), &xmlOut)
	for _, path := range golden.Fixtures(t, "../../testdata/braincert", ".xml") {
		require.Equal(t, http.StatusOK, postFile(t, jsonSrv.URL+"/webhooks/braincert", strings.TrimSuffix(path, ".xml")+".json"))
		resp, err := http.Post(xmlSrv.URL+"/webhooks/braincert", "application/xml", bytes.NewReader(golden.Read(t, path)))
		require.NoError(t, err)
		resp.Body.Close()
		require.Equal(t, http.StatusOK, resp.StatusCode, path)
	}
	assert.NotEmpty(t, jsonOut.String())
	assert.Equal(t, jsonOut.String(), xmlOut.String())
}

func TestBrainCertBasicAuth(t *testing.T) {
	cfg, err := parseFlags([]string{"-basic-auth", "hook:s3cret:with:colons"}, io.Discard)
	require.NoError(t, err)
	var out bytes.Buffer
	srv := newTestServer(t, cfg, &out)
	path := "../../testdata/braincert/course_completion.completed.json"
	send := func(user, pass string) *http.Response {
		req, err := http.NewRequest(http.MethodPost, srv.URL+"/webhooks/braincert", bytes.NewReader(golden.Read(t, path)))
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/json")
		if user != "" {
			req.SetBasicAuth(user, pass)
		}
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		return resp
	}
	resp := send("", "")
	assert.Equal(t, http.StatusUnauthorized, resp.StatusCode)
	assert.Contains(t, resp.Header.Get("WWW-Authenticate"), "Basic realm=")
	assert.Equal(t, http.StatusUnauthorized, send("hook", "wrong").StatusCode)
	assert.Empty(t, out.String())
	assert.Equal(t, http.StatusOK, send("hook", "s3cret:with:colons").StatusCode)
	assert.Contains(t, out.String(), `"type":"course.completed"`)

	for _, refused := range []string{"nocolon", "hook:", ":s3cret", ":"} {
		_, err = parseFlags([]string{"-basic-auth", refused}, io.Discard)
		assert.Error(t, err, "-basic-auth %q must not start: it would accept an empty half", refused)
	}
}

func TestEasygeneratorPreflight(t *testing.T) {
	cfg, err := parseFlags([]string{"-allow-origin", "https://player.example.com"}, io.Discard)
	require.NoError(t, err)
	srv := newTestServer(t, cfg, io.Discard)
	req, err := http.NewRequest(http.MethodOptions, srv.URL+"/webhooks/easygenerator", nil)
	require.NoError(t, err)
	req.Header.Set("Origin", "https://player.example.com")
	req.Header.Set("Access-Control-Request-Method", "POST")
	req.Header.Set("Access-Control-Request-Headers", "content-type")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusNoContent, resp.StatusCode)
	assert.Equal(t, "https://player.example.com", resp.Header.Get("Access-Control-Allow-Origin"))
	assert.Contains(t, resp.Header.Get("Access-Control-Allow-Methods"), "POST")
	assert.Equal(t, "Content-Type", resp.Header.Get("Access-Control-Allow-Headers"))
}

func TestToolzzLocation(t *testing.T) {
	cfg, err := parseFlags([]string{"-toolzz-location", "America/Sao_Paulo"}, io.Discard)
	require.NoError(t, err)
	var out bytes.Buffer
	srv := newTestServer(t, cfg, &out)
	require.Equal(t, http.StatusOK, postFile(t, srv.URL+"/webhooks/toolzz", "../../testdata/toolzz/activities.course.completed.json"))
	assert.Contains(t, out.String(), `"occurred_at":"2023-07-03T15:53:41Z"`, "12:53:41 in São Paulo (UTC-3)")

	_, err = parseFlags([]string{"-toolzz-location", "Mars/Olympus"}, io.Discard)
	assert.Error(t, err)
}

// TestSharedEndpointPrintsEveryVendor posts every documented body of every
// vendor to /webhooks and checks each printed line against its golden file.
func TestSharedEndpointPrintsEveryVendor(t *testing.T) {
	cfg := defaultConfig(t)
	for _, vendor := range []string{"mcg", "easygenerator", "braincert", "toolzz", "learnink"} {
		for _, path := range golden.Fixtures(t, filepath.Join("../../testdata", vendor), ".json") {
			var out bytes.Buffer
			srv := newTestServer(t, cfg, &out)
			require.Equal(t, http.StatusOK, postFile(t, srv.URL+"/webhooks", path), path)
			var want []json.RawMessage
			require.NoError(t, json.Unmarshal(golden.Read(t, golden.Path(path, "canonical")), &want))
			lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
			require.Len(t, lines, len(want), path)
			for i, line := range lines {
				assert.JSONEq(t, string(want[i]), line, path)
			}
		}
	}
}

func TestSharedEndpointDeduplicatesAcrossRoutes(t *testing.T) {
	var out bytes.Buffer
	srv := newTestServer(t, defaultConfig(t), &out)
	path := "../../testdata/mcg/course_finish.json"
	assert.Equal(t, http.StatusOK, postFile(t, srv.URL+"/webhooks/mcg", path))
	assert.Equal(t, http.StatusOK, postFile(t, srv.URL+"/webhooks", path))
	assert.Equal(t, http.StatusOK, postFile(t, srv.URL+"/webhooks", path))
	assert.Equal(t, 1, strings.Count(out.String(), "\n"))
	resp, err := http.Post(srv.URL+"/webhooks", "application/json", strings.NewReader(`{"who":"knows"}`))
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
}
