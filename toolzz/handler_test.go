package toolzz_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/toolzz"
)

// recorder is a callback that keeps the events it got.
type recorder struct {
	events []toolzz.Event
	err    error
	panics bool
}

func (r *recorder) handle(_ context.Context, e toolzz.Event) error {
	if r.panics {
		panic("callback bug")
	}
	r.events = append(r.events, e)
	return r.err
}

func post(h http.Handler, method, contentType, body string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, "/webhooks/toolzz", strings.NewReader(body))
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestHandlerStatuses(t *testing.T) {
	tests := []struct {
		name        string
		method      string
		contentType string
		body        string
		cb          recorder
		opts        []toolzz.Option
		status      int
		delivered   bool
		errContains string
	}{
		{"delivered", http.MethodPost, "application/json", courseCompleted, recorder{}, nil, http.StatusOK, true, ""},
		{"no Content-Type", http.MethodPost, "", courseCompleted, recorder{}, nil, http.StatusOK, true, ""},
		{"unknown slug delivered", http.MethodPost, "application/json", `{"event":{"slug":"members.disabled"}}`, recorder{}, nil, http.StatusOK, true, ""},
		{"malformed", http.MethodPost, "application/json", `{"event":`, recorder{}, nil, http.StatusBadRequest, false, "malformed body"},
		{"invalid", http.MethodPost, "application/json", replace(courseCompleted, `"id":987654321,`, ``), recorder{}, nil, http.StatusBadRequest, false, "field data.user.id"},
		{"no slug", http.MethodPost, "application/json", `{"data":{}}`, recorder{}, nil, http.StatusBadRequest, false, "no event type"},
		{"GET", http.MethodGet, "", "", recorder{}, nil, http.StatusMethodNotAllowed, false, "method not allowed"},
		{"too large", http.MethodPost, "application/json", courseCompleted, recorder{}, []toolzz.Option{toolzz.WithMaxBodyBytes(64)}, http.StatusRequestEntityTooLarge, false, "body too large"},
		{"wrong media type", http.MethodPost, "application/x-www-form-urlencoded", courseCompleted, recorder{}, nil, http.StatusUnsupportedMediaType, false, "unsupported media type"},
		{"callback error", http.MethodPost, "application/json", courseCompleted, recorder{err: errors.New("db down: secret detail")}, nil, http.StatusInternalServerError, true, "internal error"},
		{"callback panic", http.MethodPost, "application/json", courseCompleted, recorder{panics: true}, nil, http.StatusInternalServerError, false, "internal error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var logs bytes.Buffer
			opts := append(tt.opts, toolzz.WithLogger(slog.New(slog.NewTextHandler(&logs, nil))))
			rec := post(toolzz.Handler(tt.cb.handle, opts...), tt.method, tt.contentType, tt.body)
			assert.Equal(t, tt.status, rec.Code, rec.Body.String())
			assert.Equal(t, tt.delivered, len(tt.cb.events) == 1, "callback got %d events", len(tt.cb.events))
			if tt.errContains != "" {
				assert.Contains(t, rec.Body.String(), tt.errContains)
				assert.NotContains(t, rec.Body.String(), "secret detail")
			}
			if rec.Code == http.StatusMethodNotAllowed {
				assert.Equal(t, "POST", rec.Header().Get("Allow"))
			}
			for _, out := range []string{logs.String(), rec.Body.String()} {
				assert.NotContains(t, out, cpf)
			}
		})
	}
}

func TestHandlerDeliversTypedEvent(t *testing.T) {
	var cb recorder
	rec := post(toolzz.Handler(cb.handle), http.MethodPost, "application/json", courseCompleted)
	require.Equal(t, http.StatusOK, rec.Code)
	require.Len(t, cb.events, 1)
	done, ok := cb.events[0].(*toolzz.CourseCompleted)
	require.True(t, ok, "got %T", cb.events[0])
	assert.Equal(t, "987654321", done.Data.User.ID.String())
	assert.Equal(t, "Course Name", done.Data.Course.Name)
}

func TestHandlerWithLocation(t *testing.T) {
	brt := time.FixedZone("BRT", -3*60*60)
	var cb recorder
	rec := post(toolzz.Handler(cb.handle, toolzz.WithLocation(brt)), http.MethodPost, "application/json", courseCompleted)
	require.Equal(t, http.StatusOK, rec.Code)
	require.Len(t, cb.events, 1)
	assert.Equal(t, time.Date(2023, 7, 3, 15, 53, 41, 0, time.UTC), cb.events[0].SentAt().Time.UTC())
}
