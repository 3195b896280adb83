package braincert_test

import (
	"bytes"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/braincert"
	"github.com/lmshooks/lmshooks/canonical"
)

// emptyPairs are WithBasicAuth calls that must fail closed, as an unset
// environment variable would make them.
var emptyPairs = []struct{ name, user, pass string }{
	{"empty password", "hook", ""},
	{"empty user", "", "s3cret-pass"},
	{"both empty", "", ""},
}

// TestHandlerEmptyCredentialsFailClosed: the handler answers 500 to every
// request, with or without credentials (the empty ones included), and
// logs the mistake once at ERROR however many requests come.
func TestHandlerEmptyCredentialsFailClosed(t *testing.T) {
	for _, pair := range emptyPairs {
		t.Run(pair.name, func(t *testing.T) {
			var log bytes.Buffer
			var rec recorder
			h := braincert.Handler(rec.deliver, braincert.WithBasicAuth(pair.user, pair.pass),
				braincert.WithLogger(slog.New(slog.NewTextHandler(&log, nil))))
			for _, req := range []request{{}, {withAuth: true, user: pair.user, pass: pair.pass}, {withAuth: true, user: "hook", pass: "x"}} {
				req.contentType, req.body = "application/json", fixture(t, "user.signup.json")
				resp := serve(t, h, req)
				assert.Equal(t, http.StatusInternalServerError, resp.StatusCode)
				assert.JSONEq(t, `{"error":"internal error"}`, bodyOf(t, resp))
			}
			assert.Empty(t, rec.events)
			assert.Equal(t, 1, strings.Count(log.String(), "level=ERROR"), log.String())
			assert.Contains(t, log.String(), "empty")
			if pair.pass != "" {
				assert.NotContains(t, log.String(), pair.pass)
			}
		})
	}
}

// TestParseEmptyCredentialsFailClosed: ParseRequest and canonical.ParseRequest
// refuse every header, the matching empty credentials included, with an
// error that says why.
func TestParseEmptyCredentialsFailClosed(t *testing.T) {
	body := fixture(t, "user.signup.json")
	for _, pair := range emptyPairs {
		t.Run(pair.name, func(t *testing.T) {
			auth := braincert.WithBasicAuth(pair.user, pair.pass)
			r, err := http.NewRequest(http.MethodPost, "/", nil)
			require.NoError(t, err)
			r.Header.Set("Content-Type", "application/json")
			r.SetBasicAuth(pair.user, pair.pass)

			_, err = braincert.ParseRequest(r.Header, body, auth)
			assert.ErrorIs(t, err, braincert.ErrEmptyCredentials)
			assert.NotErrorIs(t, err, braincert.ErrUnauthorized, "a configuration mistake, not the caller's")

			events, err := canonical.ParseRequest(r.Header, body, canonical.WithBrainCert(auth))
			assert.ErrorIs(t, err, braincert.ErrEmptyCredentials)
			assert.Empty(t, events)
		})
	}
	// A later, complete pair replaces the empty one.
	_, err := braincert.ParseRequest(basicHeader("hook", "s3cret"), body,
		braincert.WithBasicAuth("hook", ""), braincert.WithBasicAuth("hook", "s3cret"))
	assert.NoError(t, err)
}

func basicHeader(user, pass string) http.Header {
	r, _ := http.NewRequest(http.MethodPost, "/", nil)
	r.SetBasicAuth(user, pass)
	return r.Header
}
