package canonical_test

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/braincert"
	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/internal/golden"
	"github.com/lmshooks/lmshooks/learnink"
)

// documentedBody is one documented body of a vendor, with its golden file.
type documentedBody struct {
	vendor      canonical.Vendor
	path        string
	contentType string
}

func documentedBodies(t *testing.T) []documentedBody {
	t.Helper()
	var all []documentedBody
	for _, v := range []canonical.Vendor{canonical.VendorMCG, canonical.VendorEasygenerator,
		canonical.VendorBrainCert, canonical.VendorToolzz, canonical.VendorLearnInk} {
		dir := filepath.Join("../testdata", string(v))
		for _, path := range golden.Fixtures(t, dir, ".json") {
			all = append(all, documentedBody{v, path, "application/json"})
		}
		if v == canonical.VendorBrainCert {
			for _, path := range golden.Fixtures(t, dir, ".xml") {
				all = append(all, documentedBody{v, path, "application/xml"})
			}
		}
	}
	return all
}

// goldenEvents reads the canonical golden file of a body (an XML rendering
// shares its JSON twin's).
func goldenEvents(t *testing.T, b documentedBody) string {
	t.Helper()
	path := b.path
	if strings.HasSuffix(path, ".xml") {
		path = strings.TrimSuffix(path, ".xml") + ".json"
	}
	return string(golden.Read(t, golden.Path(path, "canonical")))
}

// collector is a canonical callback that keeps what it was handed.
type collector struct {
	mu     sync.Mutex
	events []canonical.Event
}

func (c *collector) handle(_ context.Context, e canonical.Event) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.events = append(c.events, e)
	return nil
}

func (c *collector) take() []canonical.Event {
	c.mu.Lock()
	defer c.mu.Unlock()
	events := c.events
	c.events = nil
	return events
}

func serve(t *testing.T, h http.Handler, method string, header http.Header, body []byte) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, "/webhooks", bytes.NewReader(body))
	for k, v := range header {
		req.Header[k] = v
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

var quiet = canonical.WithLogger(slog.New(slog.DiscardHandler))

// TestHandlerEveryDocumentedBody: every vendor's documented bodies, posted
// to the one endpoint, reach the callback as their golden canonical events.
func TestHandlerEveryDocumentedBody(t *testing.T) {
	c := &collector{}
	h := canonical.Handler(c.handle, quiet)
	for _, b := range documentedBodies(t) {
		t.Run(string(b.vendor)+"/"+filepath.Base(b.path), func(t *testing.T) {
			w := serve(t, h, http.MethodPost, http.Header{"Content-Type": {b.contentType}}, golden.Read(t, b.path))
			require.Equal(t, http.StatusOK, w.Code, w.Body.String())
			got, err := json.Marshal(c.take())
			require.NoError(t, err)
			assert.JSONEq(t, goldenEvents(t, b), string(got))
		})
	}
}

func TestParseRequestEveryDocumentedBody(t *testing.T) {
	for _, b := range documentedBodies(t) {
		events, err := canonical.ParseRequest(http.Header{"Content-Type": {b.contentType}}, golden.Read(t, b.path))
		require.NoError(t, err, b.path)
		got, err := json.Marshal(events)
		require.NoError(t, err)
		assert.JSONEq(t, goldenEvents(t, b), string(got), b.path)
	}
}

func TestHandlerStatuses(t *testing.T) {
	c := &collector{}
	h := canonical.Handler(c.handle, quiet, canonical.WithMaxBodyBytes(1024))
	mcgBody := golden.Read(t, "../testdata/mcg/course_answer.json")

	w := serve(t, h, http.MethodPost, nil, []byte(`{"hello":"world"}`))
	assert.Equal(t, http.StatusBadRequest, w.Code)
	assert.Contains(t, w.Body.String(), "cannot tell which vendor")

	w = serve(t, h, http.MethodPost, nil, bytes.Repeat([]byte(" "), 2048))
	assert.Equal(t, http.StatusRequestEntityTooLarge, w.Code)

	w = serve(t, h, http.MethodGet, nil, nil)
	assert.Equal(t, http.StatusMethodNotAllowed, w.Code)
	assert.Contains(t, w.Header().Get("Allow"), "POST")

	w = serve(t, h, http.MethodOptions, http.Header{"Origin": {"https://player.example.com"}, "Access-Control-Request-Method": {"POST"}}, nil)
	assert.Equal(t, http.StatusNoContent, w.Code)
	assert.Equal(t, "*", w.Header().Get("Access-Control-Allow-Origin"))

	w = serve(t, h, http.MethodPost, http.Header{"Content-Type": {"text/plain"}}, mcgBody)
	assert.Equal(t, http.StatusUnsupportedMediaType, w.Code, "the vendor's own checks apply")

	w = serve(t, h, http.MethodPost, nil, []byte(`{"Type":"course_answer"}`))
	assert.Equal(t, http.StatusBadRequest, w.Code)
	assert.Contains(t, w.Body.String(), "field uniqueId")
	assert.Empty(t, c.take())

	failing := canonical.Handler(func(context.Context, canonical.Event) error { return errors.New("db down") }, quiet)
	w = serve(t, failing, http.MethodPost, nil, mcgBody)
	assert.Equal(t, http.StatusInternalServerError, w.Code)
}

func TestHandlerKeepsBrainCertCredentials(t *testing.T) {
	c := &collector{}
	h := canonical.Handler(c.handle, quiet, canonical.WithBrainCert(braincert.WithBasicAuth("hook", "pw")))
	body := golden.Read(t, "../testdata/braincert/user.signup.json")
	w := serve(t, h, http.MethodPost, nil, body)
	assert.Equal(t, http.StatusUnauthorized, w.Code)
	assert.JSONEq(t, `{"error":"unauthorized"}`, w.Body.String())

	req := httptest.NewRequest(http.MethodPost, "/webhooks", bytes.NewReader(body))
	req.SetBasicAuth("hook", "pw")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	assert.Equal(t, http.StatusOK, rec.Code)
	assert.Len(t, c.take(), 1)

	_, err := canonical.ParseRequest(http.Header{}, body, canonical.WithBrainCert(braincert.WithBasicAuth("hook", "pw")))
	assert.ErrorIs(t, err, braincert.ErrUnauthorized)
	assert.NoError(t, func() error {
		_, err := canonical.ParseRequest(req.Header, body, canonical.WithBrainCert(braincert.WithBasicAuth("hook", "pw")))
		return err
	}())
}

func TestHandlerKeepsLearnInkSignatures(t *testing.T) {
	const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
	c := &collector{}
	opt := canonical.WithLearnInk(learnink.WithSecrets(secret))
	h := canonical.Handler(c.handle, quiet, opt)
	body := golden.Read(t, "../testdata/learnink/user.course.started.json")

	w := serve(t, h, http.MethodPost, nil, body)
	assert.Equal(t, http.StatusUnauthorized, w.Code)
	_, err := canonical.ParseRequest(http.Header{}, body, opt)
	assert.ErrorIs(t, err, learnink.ErrUnauthorized)

	header := svixHeader(t, secret, "msg_endpoint", body)
	w = serve(t, h, http.MethodPost, header, body)
	assert.Equal(t, http.StatusOK, w.Code, w.Body.String())
	events := c.take()
	require.Len(t, events, 1)
	assert.Equal(t, "learnink:user.course.started:msg_endpoint", events[0].ID)

	parsed, err := canonical.ParseRequest(header, body, opt)
	require.NoError(t, err)
	assert.Equal(t, events[0].ID, parsed[0].ID)
}

func TestHandlerDedup(t *testing.T) {
	var calls int
	h := canonical.Handler(func(context.Context, canonical.Event) error { calls++; return nil }, quiet,
		canonical.WithDedup(canonical.NewMemoryStore(100, time.Hour)))
	body := golden.Read(t, "../testdata/toolzz/activities.course.completed.json")
	for range 3 {
		assert.Equal(t, http.StatusOK, serve(t, h, http.MethodPost, nil, body).Code)
	}
	assert.Equal(t, 1, calls)
}

func TestParseRequestErrors(t *testing.T) {
	_, err := canonical.ParseRequest(http.Header{}, []byte(`{"nothing":"here"}`))
	assert.ErrorIs(t, err, canonical.ErrUndetectable)
	_, err = canonical.ParseRequest(http.Header{}, []byte(`{"courseId":"c","learnerId":"l","score":101,"finishedOn":"2018-07-15T06:15:17.502Z","status":"passed"}`))
	var pe *braincert.ParseError // every vendor's ParseError is the same type
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "easygenerator", pe.Vendor)
	assert.Equal(t, "score", pe.Field)
}

// svixHeader signs body the way Svix does, for tests.
func svixHeader(t *testing.T, secret, id string, body []byte) http.Header {
	t.Helper()
	key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, "whsec_"))
	require.NoError(t, err)
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(id + "." + ts + "."))
	mac.Write(body)
	return http.Header{
		"Content-Type":   {"application/json"},
		"Svix-Id":        {id},
		"Svix-Timestamp": {ts},
		"Svix-Signature": {"v1," + base64.StdEncoding.EncodeToString(mac.Sum(nil))},
	}
}
