package easygenerator_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/easygenerator"
)

const playerOrigin = "https://player.easygenerator.example"

var quiet = easygenerator.WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil)))

// serve sends one request through h and returns the recorded response.
func serve(h http.Handler, method, contentType, origin, body string, headers ...string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, "/webhooks/easygenerator", strings.NewReader(body))
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if origin != "" {
		req.Header.Set("Origin", origin)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// recorder is a callback that keeps the events it got.
type recorder struct {
	events []easygenerator.Event
	err    error
	panics bool
}

func (r *recorder) handle(_ context.Context, e easygenerator.Event) error {
	if r.panics {
		panic("callback bug")
	}
	r.events = append(r.events, e)
	return r.err
}

func TestHandlerStatuses(t *testing.T) {
	tests := []struct {
		name        string
		method      string
		contentType string
		body        string
		cb          recorder
		opts        []easygenerator.Option
		status      int
		delivered   bool
		errContains string
	}{
		{"delivered", http.MethodPost, "application/json", validBody, recorder{}, nil, http.StatusOK, true, ""},
		{"charset parameter", http.MethodPost, "application/json; charset=utf-8", validBody, recorder{}, nil, http.StatusOK, true, ""},
		{"malformed", http.MethodPost, "application/json", `{"courseId":`, recorder{}, nil, http.StatusBadRequest, false, "malformed body"},
		{"invalid", http.MethodPost, "application/json", strings.Replace(validBody, `"score":100`, `"score":140`, 1), recorder{}, nil, http.StatusBadRequest, false, "field score"},
		{"GET", http.MethodGet, "", "", recorder{}, nil, http.StatusMethodNotAllowed, false, "method not allowed"},
		{"OPTIONS without preflight header", http.MethodOptions, "", "", recorder{}, nil, http.StatusMethodNotAllowed, false, "method not allowed"},
		{"too large", http.MethodPost, "application/json", validBody, recorder{}, []easygenerator.Option{easygenerator.WithMaxBodyBytes(20)}, http.StatusRequestEntityTooLarge, false, "body too large"},
		{"wrong media type", http.MethodPost, "text/plain", validBody, recorder{}, nil, http.StatusUnsupportedMediaType, false, "unsupported media type"},
		{"callback error", http.MethodPost, "application/json", validBody, recorder{err: errors.New("db down: secret detail")}, nil, http.StatusInternalServerError, true, "internal error"},
		{"callback panic", http.MethodPost, "application/json", validBody, recorder{panics: true}, nil, http.StatusInternalServerError, false, "internal error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := easygenerator.Handler(tt.cb.handle, append(tt.opts, quiet)...)
			rec := serve(h, tt.method, tt.contentType, playerOrigin, tt.body)
			assert.Equal(t, tt.status, rec.Code, rec.Body.String())
			// A browser hides any answer without this header, errors included.
			assert.Equal(t, "*", rec.Header().Get("Access-Control-Allow-Origin"))
			assert.Equal(t, tt.delivered, len(tt.cb.events) == 1, "callback got %d events", len(tt.cb.events))
			if tt.errContains != "" {
				assert.Contains(t, rec.Body.String(), tt.errContains)
				assert.NotContains(t, rec.Body.String(), "secret detail")
				assert.Equal(t, "application/json", rec.Header().Get("Content-Type"))
			}
			if rec.Code == http.StatusMethodNotAllowed {
				assert.Equal(t, "POST, OPTIONS", rec.Header().Get("Allow"))
			}
		})
	}
}

func TestHandlerDeliversTypedEvent(t *testing.T) {
	var cb recorder
	rec := serve(easygenerator.Handler(cb.handle, quiet), http.MethodPost, "application/json", playerOrigin, validBody)
	require.Equal(t, http.StatusOK, rec.Code)
	require.Len(t, cb.events, 1)
	result, ok := cb.events[0].(*easygenerator.CourseResult)
	require.True(t, ok, "got %T", cb.events[0])
	assert.Equal(t, "learner@example.com", result.LearnerID)
	assert.Equal(t, 100.0, *result.Score)
}

func TestHandlerPreflight(t *testing.T) {
	var cb recorder
	h := easygenerator.Handler(cb.handle, quiet)
	rec := serve(h, http.MethodOptions, "", playerOrigin, "",
		"Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type")
	assert.Equal(t, http.StatusNoContent, rec.Code)
	assert.Empty(t, rec.Body.String())
	assert.Equal(t, "*", rec.Header().Get("Access-Control-Allow-Origin"))
	assert.Equal(t, "POST, OPTIONS", rec.Header().Get("Access-Control-Allow-Methods"))
	assert.Equal(t, "Content-Type", rec.Header().Get("Access-Control-Allow-Headers"))
	assert.Equal(t, "600", rec.Header().Get("Access-Control-Max-Age"))
	assert.Empty(t, rec.Header().Values("Vary"), "a wildcard answer does not vary")
	assert.Empty(t, cb.events)
}

func TestHandlerMaxAge(t *testing.T) {
	var cb recorder
	h := easygenerator.Handler(cb.handle, quiet, easygenerator.WithMaxAge(90*time.Second+500*time.Millisecond))
	rec := serve(h, http.MethodOptions, "", playerOrigin, "", "Access-Control-Request-Method", "POST")
	assert.Equal(t, "90", rec.Header().Get("Access-Control-Max-Age"))
}

func TestHandlerOriginList(t *testing.T) {
	opts := []easygenerator.Option{quiet, easygenerator.WithAllowedOrigins("https://other.example", playerOrigin+"/")}
	tests := []struct {
		name, origin, want string
	}{
		{"listed", playerOrigin, playerOrigin},
		{"listed, other case", strings.ToUpper(playerOrigin), strings.ToUpper(playerOrigin)},
		{"not listed", "https://evil.example", ""},
		{"no Origin", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var cb recorder
			h := easygenerator.Handler(cb.handle, opts...)
			pre := serve(h, http.MethodOptions, "", tt.origin, "", "Access-Control-Request-Method", "POST")
			assert.Equal(t, http.StatusNoContent, pre.Code)
			assert.Equal(t, tt.want, pre.Header().Get("Access-Control-Allow-Origin"))
			assert.Equal(t, []string{"Origin"}, pre.Header().Values("Vary"))

			// CORS is not authentication: the delivery is processed either way.
			post := serve(h, http.MethodPost, "application/json", tt.origin, validBody)
			assert.Equal(t, http.StatusOK, post.Code)
			assert.Len(t, cb.events, 1)
			assert.Equal(t, tt.want, post.Header().Get("Access-Control-Allow-Origin"))
			assert.Equal(t, []string{"Origin"}, post.Header().Values("Vary"))

			bad := serve(h, http.MethodPost, "application/json", tt.origin, `{}`)
			assert.Equal(t, http.StatusBadRequest, bad.Code)
			assert.Equal(t, tt.want, bad.Header().Get("Access-Control-Allow-Origin"))
		})
	}
}

func TestWithAllowedOriginsDefaults(t *testing.T) {
	for name, origins := range map[string][]string{
		"blank entries": {"", " "},
		"star in list":  {playerOrigin, "*"},
	} {
		t.Run(name, func(t *testing.T) {
			var cb recorder
			h := easygenerator.Handler(cb.handle, quiet, easygenerator.WithAllowedOrigins(origins...))
			rec := serve(h, http.MethodPost, "application/json", "https://any.example", validBody)
			assert.Equal(t, http.StatusOK, rec.Code)
			assert.Equal(t, "*", rec.Header().Get("Access-Control-Allow-Origin"))
		})
	}
}

func TestCORSWrapsAnyHandler(t *testing.T) {
	called := 0
	inner := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		called++
		http.Error(w, "nope", http.StatusTeapot)
	})
	h := easygenerator.CORS(easygenerator.WithAllowedOrigins(playerOrigin), quiet)(inner)

	rec := serve(h, http.MethodPost, "application/json", playerOrigin, "{}")
	assert.Equal(t, http.StatusTeapot, rec.Code)
	assert.Equal(t, playerOrigin, rec.Header().Get("Access-Control-Allow-Origin"))

	rec = serve(h, http.MethodOptions, "", playerOrigin, "", "Access-Control-Request-Method", "POST")
	assert.Equal(t, http.StatusNoContent, rec.Code)

	rec = serve(h, http.MethodPut, "", playerOrigin, "")
	assert.Equal(t, http.StatusTeapot, rec.Code, "the wrapped handler answers other methods itself")
	assert.Equal(t, "POST, OPTIONS", rec.Header().Get("Allow"))
	assert.Equal(t, 2, called, "the preflight does not reach the wrapped handler")
}

// TestBrowserStyleExchange replays what a browser does, over a real
// connection: the preflight, then the POST, each answer readable by the page.
func TestBrowserStyleExchange(t *testing.T) {
	var cb recorder
	srv := httptest.NewServer(easygenerator.Handler(cb.handle, quiet))
	defer srv.Close()

	pre, err := http.NewRequest(http.MethodOptions, srv.URL, nil)
	require.NoError(t, err)
	pre.Header.Set("Origin", playerOrigin)
	pre.Header.Set("Access-Control-Request-Method", "POST")
	pre.Header.Set("Access-Control-Request-Headers", "content-type")
	res, err := srv.Client().Do(pre)
	require.NoError(t, err)
	res.Body.Close()
	assert.Equal(t, http.StatusNoContent, res.StatusCode)
	assert.Equal(t, "*", res.Header.Get("Access-Control-Allow-Origin"))
	assert.Contains(t, res.Header.Get("Access-Control-Allow-Methods"), "POST")
	assert.Equal(t, "Content-Type", res.Header.Get("Access-Control-Allow-Headers"))

	req, err := http.NewRequest(http.MethodPost, srv.URL, strings.NewReader(validBody))
	require.NoError(t, err)
	req.Header.Set("Origin", playerOrigin)
	req.Header.Set("Content-Type", "application/json")
	res, err = srv.Client().Do(req)
	require.NoError(t, err)
	res.Body.Close()
	assert.Equal(t, http.StatusOK, res.StatusCode)
	assert.Equal(t, "*", res.Header.Get("Access-Control-Allow-Origin"))
	assert.Len(t, cb.events, 1)
}
