package learnink_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/internal/golden"
	"github.com/lmshooks/lmshooks/learnink"
)

const (
	testSecret  = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
	otherSecret = "whsec_c2Vjb25kLXNlY3JldC1mb3ItdGVzdHM="
	testMsgID   = "msg_2fAb3"
)

var testNow = time.Date(2026, 3, 17, 10, 0, 0, 0, time.UTC)

// recorder is a callback that keeps the events it was given.
type recorder struct {
	events []learnink.Event
	err    error
	panics bool
}

func (r *recorder) deliver(_ context.Context, event learnink.Event) error {
	if r.panics {
		panic("callback bug")
	}
	r.events = append(r.events, event)
	return r.err
}

func courseStarted(t *testing.T) []byte {
	return golden.Read(t, fixtures+"/user.course.started.json")
}

func post(t *testing.T, h http.Handler, body []byte, header http.Header) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/webhooks/learnink", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	for name, values := range header {
		req.Header[name] = values
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// signed returns Svix headers signing body with secret at the time at.
func signed(t *testing.T, secret string, at time.Time, body []byte) http.Header {
	ts := strconv.FormatInt(at.Unix(), 10)
	return http.Header{
		"Svix-Id":        {testMsgID},
		"Svix-Timestamp": {ts},
		"Svix-Signature": {signature(t, secret, testMsgID, ts, body)},
	}
}

func TestHandlerUnsignedDevelopmentMode(t *testing.T) {
	for _, path := range bodies(t) {
		t.Run(path, func(t *testing.T) {
			var rec recorder
			resp := post(t, learnink.Handler(rec.deliver), golden.Read(t, path), nil)
			assert.Equal(t, http.StatusOK, resp.Code)
			assert.JSONEq(t, `{"status":"ok"}`, resp.Body.String())
			require.Len(t, rec.events, 1)
			assert.Empty(t, rec.events[0].Common().MessageID)
		})
	}
	var rec recorder
	resp := post(t, learnink.Handler(rec.deliver), courseStarted(t), http.Header{"Svix-Id": {"msg_x"}})
	assert.Equal(t, http.StatusOK, resp.Code)
	require.Len(t, rec.events, 1)
	assert.Equal(t, "msg_x", rec.events[0].Common().MessageID, "message id kept without secrets too")
}

func TestHandlerStatuses(t *testing.T) {
	body := courseStarted(t)
	tests := []struct {
		name    string
		method  string
		ctype   string
		body    []byte
		rec     recorder
		opts    []learnink.Option
		status  int
		errText string
	}{
		{"ok", http.MethodPost, "application/json", body, recorder{}, nil, http.StatusOK, ""},
		{"malformed", http.MethodPost, "application/json", []byte(`{"object":`), recorder{}, nil, http.StatusBadRequest, "malformed body"},
		{"invalid", http.MethodPost, "application/json", []byte(`{"object":"event","type":"user.course.started","data":{"user_id":"u"}}`), recorder{}, nil, http.StatusBadRequest, "field data.course_id"},
		{"no type", http.MethodPost, "application/json", []byte(`{"object":"event"}`), recorder{}, nil, http.StatusBadRequest, "no event type"},
		{"method", http.MethodGet, "application/json", nil, recorder{}, nil, http.StatusMethodNotAllowed, "method not allowed"},
		{"too large", http.MethodPost, "application/json", body, recorder{}, []learnink.Option{learnink.WithMaxBodyBytes(64)}, http.StatusRequestEntityTooLarge, "body too large"},
		{"media type", http.MethodPost, "text/plain", body, recorder{}, nil, http.StatusUnsupportedMediaType, "unsupported media type"},
		{"callback error", http.MethodPost, "application/json", body, recorder{err: errors.New("db down")}, nil, http.StatusInternalServerError, "internal error"},
		{"callback panic", http.MethodPost, "application/json", body, recorder{panics: true}, nil, http.StatusInternalServerError, "internal error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := append([]learnink.Option{learnink.WithLogger(discard)}, tt.opts...)
			h := learnink.Handler(tt.rec.deliver, opts...)
			req := httptest.NewRequest(tt.method, "/webhooks/learnink", bytes.NewReader(tt.body))
			req.Header.Set("Content-Type", tt.ctype)
			resp := httptest.NewRecorder()
			h.ServeHTTP(resp, req)
			assert.Equal(t, tt.status, resp.Code, resp.Body.String())
			assert.Contains(t, resp.Body.String(), tt.errText)
			if tt.status == http.StatusMethodNotAllowed {
				assert.Equal(t, http.MethodPost, resp.Header().Get("Allow"))
			}
			if tt.status == http.StatusOK || tt.rec.err != nil {
				require.Len(t, tt.rec.events, 1)
				_, ok := tt.rec.events[0].(*learnink.UserCourseStarted)
				assert.True(t, ok, "got %T", tt.rec.events[0])
			} else {
				assert.Empty(t, tt.rec.events)
			}
		})
	}
}

var discard = slog.New(slog.DiscardHandler)

func TestHandlerSigned(t *testing.T) {
	body := courseStarted(t)
	good := signed(t, testSecret, testNow, body)
	with := func(h http.Header, name, value string) http.Header {
		h = h.Clone()
		if value == "" {
			h.Del(name)
		} else {
			h.Set(name, value)
		}
		return h
	}
	rawSig := strings.TrimPrefix(good.Get("svix-signature"), "v1,")
	standard := http.Header{
		"Webhook-Id":        good["Svix-Id"],
		"Webhook-Timestamp": good["Svix-Timestamp"],
		"Webhook-Signature": good["Svix-Signature"],
	}
	tests := []struct {
		name   string
		body   []byte
		header http.Header
		ok     bool
	}{
		{"valid", body, good, true},
		{"standard webhooks names", body, standard, true},
		{"one valid entry of several", body, with(good, "svix-signature", "v1,bm90IGl0 v2,"+rawSig+" "+good.Get("svix-signature")), true},
		{"tampered body", bytes.Replace(body, []byte("83dc4f73"), []byte("83dc4f74"), 1), good, false},
		{"stale", body, signed(t, testSecret, testNow.Add(-6*time.Minute), body), false},
		{"from the future", body, signed(t, testSecret, testNow.Add(6*time.Minute), body), false},
		{"missing headers", body, nil, false},
		{"missing signature", body, with(good, "svix-signature", ""), false},
		{"wrong secret", body, signed(t, otherSecret, testNow, body), false},
		{"no comma", body, with(good, "svix-signature", "v1"+rawSig), false},
		{"bad base64", body, with(good, "svix-signature", "v1,"+rawSig[:20]+"%%"), false},
		{"non-numeric timestamp", body, with(good, "svix-timestamp", "yesterday"), false},
		{"unsigned malformed body", []byte(`{"object":`), nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rec recorder
			var logs bytes.Buffer
			h := learnink.Handler(rec.deliver, learnink.WithSecrets(testSecret), clockAt(testNow),
				learnink.WithLogger(slog.New(slog.NewTextHandler(&logs, nil))))
			resp := post(t, h, tt.body, tt.header)
			if tt.ok {
				assert.Equal(t, http.StatusOK, resp.Code, resp.Body.String())
				require.Len(t, rec.events, 1)
				assert.Equal(t, testMsgID, rec.events[0].Common().MessageID)
				return
			}
			assert.Equal(t, http.StatusUnauthorized, resp.Code)
			assert.JSONEq(t, `{"error":"unauthorized"}`, resp.Body.String())
			assert.Empty(t, rec.events)
			assertRevealsNothing(t, logs.String(), testSecret, rawSig)
			assert.Contains(t, logs.String(), "status=401")
		})
	}
}

func TestHandlerRotatedSecrets(t *testing.T) {
	body := courseStarted(t)
	var rec recorder
	h := learnink.Handler(rec.deliver, learnink.WithSecrets(otherSecret, testSecret), clockAt(testNow), learnink.WithLogger(discard))
	for _, secret := range []string{testSecret, otherSecret} {
		resp := post(t, h, body, signed(t, secret, testNow, body))
		assert.Equal(t, http.StatusOK, resp.Code, "signed with %s", secret[:10])
	}
	assert.Len(t, rec.events, 2)
	resp := post(t, h, body, signed(t, "whsec_"+"dGhpcmQtc2VjcmV0", testNow, body))
	assert.Equal(t, http.StatusUnauthorized, resp.Code, "a third secret")
}

func TestHandlerTolerance(t *testing.T) {
	body := courseStarted(t)
	var rec recorder
	h := learnink.Handler(rec.deliver, learnink.WithSecrets(testSecret), clockAt(testNow),
		learnink.WithTolerance(time.Hour), learnink.WithLogger(discard))
	assert.Equal(t, http.StatusOK, post(t, h, body, signed(t, testSecret, testNow.Add(-50*time.Minute), body)).Code)
	assert.Equal(t, http.StatusUnauthorized, post(t, h, body, signed(t, testSecret, testNow.Add(-70*time.Minute), body)).Code)
	// The event's own timestamp (2022) is never checked against the clock.
	assert.Len(t, rec.events, 1)
}

func TestHandlerBadSecretFailsClosed(t *testing.T) {
	body := courseStarted(t)
	var rec recorder
	var logs bytes.Buffer
	h := learnink.Handler(rec.deliver, learnink.WithSecrets("whsec_%%%"), clockAt(testNow),
		learnink.WithLogger(slog.New(slog.NewTextHandler(&logs, nil))))
	for _, header := range []http.Header{nil, signed(t, testSecret, testNow, body)} {
		resp := post(t, h, body, header)
		assert.Equal(t, http.StatusInternalServerError, resp.Code)
		assert.JSONEq(t, `{"error":"internal error"}`, resp.Body.String())
	}
	assert.Empty(t, rec.events)
	assert.Contains(t, logs.String(), "secret 1 of 1")
	assert.NotContains(t, logs.String(), "%%%")
}
