package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/internal/golden"
	"github.com/lmshooks/lmshooks/internal/hostile/fuzzcheck"
)

// TestExtraFieldReachesDataAndID posts every documented body with a field no
// struct models, at its vendor's route and at /webhooks: the printed data
// holds the field; for vendors that send no event id, the same body with
// another value of that field prints a second line with another id; and the
// first body again with other white space and key order prints nothing.
func TestExtraFieldReachesDataAndID(t *testing.T) {
	contentIDs := map[string]bool{"mcg": true, "easygenerator": true, "toolzz": true, "learnink": true}
	for _, vendor := range []string{"mcg", "easygenerator", "braincert", "toolzz", "learnink"} {
		for _, path := range golden.Fixtures(t, filepath.Join("../../testdata", vendor), ".json") {
			for _, route := range []string{"/webhooks/" + vendor, "/webhooks"} {
				t.Run(vendor+"/"+filepath.Base(path)+" at "+route, func(t *testing.T) {
					var out bytes.Buffer
					srv := newTestServer(t, defaultConfig(t), &out)
					body := golden.Read(t, path)
					withField := func(value string) []byte {
						return append([]byte(`{"learnerLocale":"`+value+`",`), bytes.TrimLeft(bytes.TrimSpace(body), "{")...)
					}
					post := func(b []byte) {
						t.Helper()
						resp, err := http.Post(srv.URL+route, "application/json", bytes.NewReader(b))
						require.NoError(t, err)
						resp.Body.Close()
						require.Equal(t, http.StatusOK, resp.StatusCode)
					}

					post(withField("pt-BR"))
					first := printedLines(t, &out)
					require.NotEmpty(t, first)
					for _, e := range first {
						assert.Contains(t, string(e.Data), `"learnerLocale":"pt-BR"`)
					}

					respelled, err := fuzzcheck.Respell(withField("pt-BR"))
					require.NoError(t, err)
					post(respelled)
					assert.Empty(t, printedLines(t, &out), "the same body respelled is a duplicate")

					if !contentIDs[vendor] {
						return // BrainCert names its deliveries with an id of its own
					}
					post(withField("en-US"))
					second := printedLines(t, &out)
					require.Len(t, second, len(first), "another value of the field is another event")
					for i := range second {
						assert.NotEqual(t, first[i].ID, second[i].ID)
					}
				})
			}
		}
	}
}

type printedEvent struct {
	ID   string          `json:"id"`
	Data json.RawMessage `json:"data"`
}

// printedLines returns the events printed since the last call.
func printedLines(t *testing.T, out *bytes.Buffer) []printedEvent {
	t.Helper()
	var events []printedEvent
	for line := range strings.Lines(out.String()) {
		var e printedEvent
		require.NoError(t, json.Unmarshal([]byte(line), &e))
		events = append(events, e)
	}
	out.Reset()
	return events
}

// TestOtherVendorsBodiesAreRefusedAtTheMCGRoute: a body whose event-naming
// key is another vendor's (LearnInk's "type") or in another case is not an
// MCG event; a repeated key is refused at every route.
func TestOtherVendorsBodiesAreRefusedAtTheMCGRoute(t *testing.T) {
	var out bytes.Buffer
	srv := newTestServer(t, defaultConfig(t), &out)
	post := func(route, body string) (int, string) {
		resp, err := http.Post(srv.URL+route, "application/json", strings.NewReader(body))
		require.NoError(t, err)
		defer resp.Body.Close()
		var answer struct{ Error string }
		_ = json.NewDecoder(resp.Body).Decode(&answer)
		return resp.StatusCode, answer.Error
	}
	learnink := string(golden.Read(t, "../../testdata/learnink/user.course.started.json"))
	for _, body := range []string{learnink, `{"type":"x"}`, `{"type":"charge.succeeded","id":"evt_1"}`} {
		status, msg := post("/webhooks/mcg", body)
		assert.Equal(t, http.StatusBadRequest, status, body)
		assert.Contains(t, msg, `"Type"`, "the error names the missing key")
	}
	for _, route := range []string{"/webhooks", "/webhooks/mcg", "/webhooks/easygenerator", "/webhooks/braincert", "/webhooks/toolzz", "/webhooks/learnink"} {
		vendor := strings.TrimPrefix(strings.TrimPrefix(route, "/webhooks"), "/")
		if vendor == "" {
			vendor = "mcg"
		}
		fixture := map[string]string{"mcg": "mcg/course_answer", "easygenerator": "easygenerator/course_finished",
			"braincert": "braincert/purchase.completed", "toolzz": "toolzz/members.updated", "learnink": "learnink/user.course.started"}[vendor]
		body := string(golden.Read(t, "../../testdata/"+fixture+".json"))
		status, msg := post(route, `{"zz":1,"zz":2,`+strings.TrimPrefix(strings.TrimSpace(body), "{"))
		assert.Equal(t, http.StatusBadRequest, status, route)
		assert.Contains(t, msg, "repeats a name", route)
	}
	assert.Empty(t, out.String())
}
