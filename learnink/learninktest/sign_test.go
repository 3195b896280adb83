package learninktest_test

import (
	"encoding/json"
	"net/http"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/learnink"
	"github.com/lmshooks/lmshooks/learnink/learninktest"
)

// vector is Svix's published known-answer vector (learnink/testdata/svix-vector.json).
type vector struct {
	Secret, ID, Timestamp, Body, Signature string
}

func readVector(t *testing.T) vector {
	t.Helper()
	data, err := os.ReadFile("../testdata/svix-vector.json")
	require.NoError(t, err)
	var v vector
	require.NoError(t, json.Unmarshal(data, &v))
	return v
}

func TestSignMatchesTheKnownAnswer(t *testing.T) {
	v := readVector(t)
	seconds, err := strconv.ParseInt(v.Timestamp, 10, 64)
	require.NoError(t, err)
	got, err := learninktest.Sign(v.Secret, v.ID, time.Unix(seconds, 0), []byte(v.Body))
	require.NoError(t, err)
	assert.Equal(t, v.Signature, got)

	bare, err := learninktest.Sign(v.Secret[len("whsec_"):], v.ID, time.Unix(seconds, 0), []byte(v.Body))
	require.NoError(t, err)
	assert.Equal(t, v.Signature, bare, "the bare base64 secret works too")
}

func TestSignRoundTripsThroughVerify(t *testing.T) {
	const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	body := []byte(`{"object":"event","type":"user.course.started"}`)
	signature, err := learninktest.Sign(secret, "msg_1", now, body)
	require.NoError(t, err)
	header := http.Header{}
	header.Set("svix-id", "msg_1")
	header.Set("svix-timestamp", strconv.FormatInt(now.Unix(), 10))
	header.Set("svix-signature", signature)

	verifier, err := learnink.NewVerifier(learnink.WithSecrets(secret), learnink.WithClock(func() time.Time { return now }))
	require.NoError(t, err)
	assert.NoError(t, verifier.Verify(header, body))
	assert.ErrorIs(t, verifier.Verify(header, append(body, ' ')), learnink.ErrUnauthorized, "a changed body fails")
}

func TestSignRejectsABadSecretWithoutQuotingIt(t *testing.T) {
	for _, secret := range []string{"whsec_not*base64!", "", "whsec_", "whsec_QUJD!"} {
		_, err := learninktest.Sign(secret, "msg_1", time.Now(), nil)
		require.Error(t, err, secret)
		assert.NotContains(t, err.Error(), "base64!", secret)
		assert.NotContains(t, err.Error(), "QUJD", secret)
	}
}
