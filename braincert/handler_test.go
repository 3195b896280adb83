package braincert_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/braincert"
	"github.com/lmshooks/lmshooks/internal/golden"
)

// recorder is a callback that keeps what it was handed.
type recorder struct {
	events []braincert.Event
	err    error
	panics bool
}

func (r *recorder) deliver(_ context.Context, event braincert.Event) error {
	if r.panics {
		panic("callback bug")
	}
	r.events = append(r.events, event)
	return r.err
}

type request struct {
	method, contentType string
	body                []byte
	user, pass          string
	withAuth            bool
}

func serve(t *testing.T, h http.Handler, req request) *http.Response {
	t.Helper()
	if req.method == "" {
		req.method = http.MethodPost
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	r, err := http.NewRequest(req.method, srv.URL+"/webhooks/braincert", bytes.NewReader(req.body))
	require.NoError(t, err)
	if req.contentType != "" {
		r.Header.Set("Content-Type", req.contentType)
	}
	if req.withAuth {
		r.SetBasicAuth(req.user, req.pass)
	}
	resp, err := http.DefaultClient.Do(r)
	require.NoError(t, err)
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

func bodyOf(t *testing.T, resp *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return string(b)
}

var quiet = braincert.WithLogger(slog.New(slog.DiscardHandler))

func fixture(t *testing.T, name string) []byte {
	return golden.Read(t, filepath.Join(fixtures, name))
}

func TestHandlerDeliversJSONAndXML(t *testing.T) {
	for _, tt := range []struct {
		name, contentType, file string
	}{
		{"JSON", "application/json", "course_completion.completed.json"},
		{"no Content-Type", "", "course_completion.completed.json"},
		{"application/xml", "application/xml", "course_completion.completed.xml"},
		{"text/xml", "text/xml; charset=utf-8", "course_completion.completed.xml"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var rec recorder
			resp := serve(t, braincert.Handler(rec.deliver, quiet), request{contentType: tt.contentType, body: fixture(t, tt.file)})
			assert.Equal(t, http.StatusOK, resp.StatusCode)
			assert.JSONEq(t, `{"status":"ok"}`, bodyOf(t, resp))
			require.Len(t, rec.events, 1)
			completed, ok := rec.events[0].(*braincert.CourseCompleted)
			require.True(t, ok, "got %T", rec.events[0])
			assert.Equal(t, "Example Course Title", completed.Payload.Course.Title)
		})
	}
}

func TestHandlerDeliversUnknownTopics(t *testing.T) {
	var rec recorder
	body := `{"id":"9","resource":"badge","action":"earned","created_at":"2024-02-14T21:52:13Z","payload":{}}`
	resp := serve(t, braincert.Handler(rec.deliver, quiet), request{contentType: "application/json", body: []byte(body)})
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	require.Len(t, rec.events, 1)
	unknown, ok := rec.events[0].(*braincert.Unknown)
	require.True(t, ok, "got %T", rec.events[0])
	assert.Equal(t, "badge.earned", unknown.EventName())
	assert.Equal(t, body, string(unknown.Body))
}

func TestHandlerRejects(t *testing.T) {
	valid := fixture(t, "course.created.json")
	tests := []struct {
		name    string
		req     request
		opts    []braincert.Option
		status  int
		inBody  string
		headers map[string]string
	}{
		{"malformed JSON", request{contentType: "application/json", body: []byte(`{"id":`)}, nil, 400, "malformed", nil},
		{"malformed XML", request{contentType: "application/xml", body: valid}, nil, 400, "malformed", nil},
		{"DOCTYPE", request{contentType: "application/xml", body: []byte(`<!DOCTYPE x [<!ENTITY e "e">]><x>&e;</x>`)}, nil, 400, "DOCTYPE", nil},
		{"invalid names the field", request{contentType: "application/json", body: []byte(envelope("course", "created", `{"name":"x"}`))}, nil, 400, "field payload.id", nil},
		{"no topic", request{contentType: "application/json", body: []byte(`{"id":"1"}`)}, nil, 400, "no event type", nil},
		{"GET", request{method: http.MethodGet}, nil, 405, "method not allowed", map[string]string{"Allow": "POST"}},
		{"too large", request{contentType: "application/json", body: valid}, []braincert.Option{braincert.WithMaxBodyBytes(100)}, 413, "too large", nil},
		{"wrong Content-Type", request{contentType: "text/plain", body: valid}, nil, 415, "unsupported media type", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rec recorder
			resp := serve(t, braincert.Handler(rec.deliver, append(tt.opts, quiet)...), tt.req)
			assert.Equal(t, tt.status, resp.StatusCode)
			assert.Contains(t, bodyOf(t, resp), tt.inBody)
			for k, v := range tt.headers {
				assert.Equal(t, v, resp.Header.Get(k), k)
			}
			assert.Empty(t, rec.events, "callback must not run")
		})
	}
}

func TestHandlerCallbackFailures(t *testing.T) {
	for name, rec := range map[string]*recorder{
		"error": {err: errors.New("database down")},
		"panic": {panics: true},
	} {
		t.Run(name, func(t *testing.T) {
			resp := serve(t, braincert.Handler(rec.deliver, quiet), request{contentType: "application/json", body: fixture(t, "course.created.json")})
			assert.Equal(t, http.StatusInternalServerError, resp.StatusCode)
			body := bodyOf(t, resp)
			assert.JSONEq(t, `{"error":"internal error"}`, body)
			assert.NotContains(t, body, "database")
		})
	}
}

func TestHandlerBasicAuth(t *testing.T) {
	valid := fixture(t, "purchase.completed.xml")
	auth := braincert.WithBasicAuth("braincert", "s3cret-pass")
	tests := []struct {
		name   string
		req    request
		status int
	}{
		{"right credentials", request{withAuth: true, user: "braincert", pass: "s3cret-pass"}, 200},
		{"no credentials", request{}, 401},
		{"wrong password", request{withAuth: true, user: "braincert", pass: "s3cret-pasS"}, 401},
		{"wrong user", request{withAuth: true, user: "BrainCert", pass: "s3cret-pass"}, 401},
		{"password as prefix", request{withAuth: true, user: "braincert", pass: "s3cret"}, 401},
		{"empty credentials", request{withAuth: true}, 401},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rec recorder
			tt.req.contentType, tt.req.body = "application/xml", valid
			resp := serve(t, braincert.Handler(rec.deliver, auth, quiet), tt.req)
			assert.Equal(t, tt.status, resp.StatusCode)
			body := bodyOf(t, resp)
			if tt.status == http.StatusOK {
				require.Len(t, rec.events, 1)
				assert.IsType(t, &braincert.NewSale{}, rec.events[0])
				assert.Empty(t, resp.Header.Get("WWW-Authenticate"))
				return
			}
			assert.Empty(t, rec.events)
			assert.JSONEq(t, `{"error":"unauthorized"}`, body)
			assert.Equal(t, `Basic realm="braincert", charset="UTF-8"`, resp.Header.Get("WWW-Authenticate"))
		})
	}
}

// TestHandlerAuthBeforeBody: without the right credentials, a caller learns
// nothing about the body: malformed, invalid, unknown and oversized bodies
// all get the same 401.
func TestHandlerAuthBeforeBody(t *testing.T) {
	opts := []braincert.Option{braincert.WithBasicAuth("u", "p"), braincert.WithMaxBodyBytes(1000), quiet}
	bodies := map[string]string{
		"malformed": `{"id":`,
		"invalid":   envelope("course", "created", `{}`),
		"unknown":   envelope("badge", "earned", `{}`),
		"oversized": strings.Repeat(" ", 2000),
		"valid":     string(fixture(t, "course.created.json")),
	}
	for name, body := range bodies {
		t.Run(name, func(t *testing.T) {
			var rec recorder
			resp := serve(t, braincert.Handler(rec.deliver, opts...), request{contentType: "application/json", body: []byte(body), withAuth: true, user: "u", pass: "wrong"})
			assert.Equal(t, http.StatusUnauthorized, resp.StatusCode)
			assert.JSONEq(t, `{"error":"unauthorized"}`, bodyOf(t, resp))
			assert.Empty(t, rec.events)
		})
	}
}

// TestHandlerWithoutAuthAcceptsAll: with no credentials configured, a
// request with or without any is accepted (development only).
func TestHandlerWithoutAuthAcceptsAll(t *testing.T) {
	for _, req := range []request{{}, {withAuth: true, user: "any", pass: "thing"}} {
		var rec recorder
		req.contentType, req.body = "application/json", fixture(t, "user.signup.json")
		resp := serve(t, braincert.Handler(rec.deliver, quiet), req)
		assert.Equal(t, http.StatusOK, resp.StatusCode)
		assert.Len(t, rec.events, 1)
	}
}
