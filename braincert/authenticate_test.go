package braincert_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/lmshooks/lmshooks/braincert"
)

func TestAuthenticate(t *testing.T) {
	creds := braincert.WithBasicAuth("hook", "s3cret")
	header := func(user, pass string) http.Header {
		r, _ := http.NewRequest(http.MethodPost, "/", nil)
		if user != "" {
			r.SetBasicAuth(user, pass)
		}
		return r.Header
	}
	assert.NoError(t, braincert.Authenticate(header("hook", "s3cret"), creds))
	assert.ErrorIs(t, braincert.Authenticate(header("hook", "wrong"), creds), braincert.ErrUnauthorized)
	assert.ErrorIs(t, braincert.Authenticate(header("", ""), creds), braincert.ErrUnauthorized)
	assert.NoError(t, braincert.Authenticate(header("", "")), "no credentials configured: development mode")
	err := braincert.Authenticate(header("hook", "wrong-secret-value"), creds)
	assert.NotContains(t, err.Error(), "wrong-secret-value")
	assert.NotContains(t, err.Error(), "s3cret")
}
