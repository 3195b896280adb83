package braincert_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/lmshooks/lmshooks/braincert"
)

// TestParseRequestChecksCredentials: ParseRequest checks the Basic
// credentials of WithBasicAuth, never quoting them, and without the option
// accepts any header.
func TestParseRequestChecksCredentials(t *testing.T) {
	body := fixture(t, "user.signup.json")
	creds := braincert.WithBasicAuth("hook", "s3cret")
	header := func(user, pass string) http.Header {
		r, _ := http.NewRequest(http.MethodPost, "/", nil)
		if user != "" {
			r.SetBasicAuth(user, pass)
		}
		r.Header.Set("Content-Type", "application/json")
		return r.Header
	}
	parse := func(h http.Header, opts ...braincert.Option) error {
		_, err := braincert.ParseRequest(h, body, opts...)
		return err
	}
	assert.NoError(t, parse(header("hook", "s3cret"), creds))
	assert.ErrorIs(t, parse(header("hook", "wrong"), creds), braincert.ErrUnauthorized)
	assert.ErrorIs(t, parse(header("", ""), creds), braincert.ErrUnauthorized)
	assert.NoError(t, parse(header("", "")), "no credentials configured: development mode")
	err := parse(header("hook", "wrong-secret-value"), creds)
	assert.NotContains(t, err.Error(), "wrong-secret-value")
	assert.NotContains(t, err.Error(), "s3cret")

	h := header("hook", "s3cret")
	h.Set("Content-Type", "text/plain")
	assert.ErrorIs(t, parse(h, creds), braincert.ErrUnsupportedMediaType)
	h.Set("Content-Type", "application/xml")
	assert.ErrorIs(t, parse(h, creds), braincert.ErrMalformed, "a JSON body sent as XML")
}
