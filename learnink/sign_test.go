package learnink_test

import (
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/learnink"
)

func TestSignMatchesSvixKnownAnswer(t *testing.T) {
	v := readVector(t)
	got, err := learnink.Sign(v.Secret, v.ID, v.time(t), []byte(v.Body))
	require.NoError(t, err)
	assert.Equal(t, v.Signature, got)
}

// TestSignIsWhatVerifyAccepts under the Standard Webhooks header names, as
// the forward sink sends them.
func TestSignIsWhatVerifyAccepts(t *testing.T) {
	const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	body := []byte(`{"specversion":"1.0"}`)
	signature, err := learnink.Sign(secret, "mcg:course_finish:1", now, body)
	require.NoError(t, err)
	header := http.Header{
		"Webhook-Id":        {"mcg:course_finish:1"},
		"Webhook-Timestamp": {strconv.FormatInt(now.Unix(), 10)},
		"Webhook-Signature": {signature},
	}
	verifier, err := learnink.NewVerifier(learnink.WithSecrets(secret), clockAt(now))
	require.NoError(t, err)
	require.NoError(t, verifier.Verify(header, body))
	header.Set("Webhook-Id", "mcg:course_finish:2")
	assert.ErrorIs(t, verifier.Verify(header, body), learnink.ErrUnauthorized, "the id is signed")
}

func TestSignRejectsABadSecret(t *testing.T) {
	for _, secret := range []string{"", "whsec_", "whsec_not*base64!"} {
		_, err := learnink.Sign(secret, "id", time.Now(), nil)
		require.ErrorIs(t, err, learnink.ErrInvalidSecret, "%q", secret)
		assert.NotContains(t, err.Error(), "base64!")
	}
}
