package learnink_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/internal/golden"
	"github.com/lmshooks/lmshooks/learnink"
)

// svixVector is the published known-answer vector (testdata/svix-vector.json
// in this package: it is not a webhook body, so it is not among the fixtures).
type svixVector struct {
	Secret    string `json:"secret"`
	ID        string `json:"id"`
	Timestamp string `json:"timestamp"`
	Body      string `json:"body"`
	Signature string `json:"signature"`
}

func readVector(t *testing.T) svixVector {
	t.Helper()
	var v svixVector
	require.NoError(t, json.Unmarshal(golden.Read(t, "testdata/svix-vector.json"), &v))
	return v
}

func (v svixVector) header() http.Header {
	return http.Header{"Svix-Id": {v.ID}, "Svix-Timestamp": {v.Timestamp}, "Svix-Signature": {v.Signature}}
}

func (v svixVector) time(t *testing.T) time.Time {
	seconds, err := strconv.ParseInt(v.Timestamp, 10, 64)
	require.NoError(t, err)
	return time.Unix(seconds, 0)
}

func clockAt(at time.Time) learnink.Option {
	return learnink.WithClock(func() time.Time { return at })
}

// signature computes a "v1,<base64>" entry independently of the package.
func signature(t *testing.T, secret, id, timestamp string, body []byte) string {
	t.Helper()
	key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, "whsec_"))
	require.NoError(t, err)
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(id + "." + timestamp + "."))
	mac.Write(body)
	return "v1," + base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

func TestVerifyKnownAnswerVector(t *testing.T) {
	v := readVector(t)
	assert.Equal(t, v.Signature, signature(t, v.Secret, v.ID, v.Timestamp, []byte(v.Body)), "test helper disagrees with the vector")
	verifier, err := learnink.NewVerifier(learnink.WithSecrets(v.Secret), clockAt(v.time(t)))
	require.NoError(t, err)
	require.NoError(t, verifier.Verify(v.header(), []byte(v.Body)))

	// The same vector under the Standard Webhooks header names.
	standard := http.Header{"Webhook-Id": {v.ID}, "Webhook-Timestamp": {v.Timestamp}, "Webhook-Signature": {v.Signature}}
	require.NoError(t, verifier.Verify(standard, []byte(v.Body)))

	// One byte of the body changed (no space after the colon) breaks it.
	err = verifier.Verify(v.header(), []byte(`{"test":2432232314}`))
	assert.ErrorIs(t, err, learnink.ErrUnauthorized)
}

func TestVerifyRejects(t *testing.T) {
	v := readVector(t)
	body := []byte(v.Body)
	now := v.time(t)
	sig := v.Signature
	rawSig := strings.TrimPrefix(sig, "v1,")
	header := func(kv ...string) http.Header {
		h := http.Header{}
		for i := 0; i+1 < len(kv); i += 2 {
			h.Set(kv[i], kv[i+1])
		}
		return h
	}
	tests := []struct {
		name   string
		body   []byte
		header http.Header
		at     time.Time
	}{
		{"no headers", body, header(), now},
		{"no id", body, header("svix-timestamp", v.Timestamp, "svix-signature", sig), now},
		{"no timestamp", body, header("svix-id", v.ID, "svix-signature", sig), now},
		{"no signature", body, header("svix-id", v.ID, "svix-timestamp", v.Timestamp), now},
		{"svix and standard names mixed", body, header("svix-id", v.ID, "webhook-timestamp", v.Timestamp, "webhook-signature", sig), now},
		{"tampered body", []byte(`{"test": 2432232315}`), v.header(), now},
		{"other id", body, header("svix-id", "msg_other", "svix-timestamp", v.Timestamp, "svix-signature", sig), now},
		{"stale", body, v.header(), now.Add(learnink.DefaultTolerance + time.Second)},
		{"from the future", body, v.header(), now.Add(-learnink.DefaultTolerance - time.Second)},
		{"timestamp not a number", body, header("svix-id", v.ID, "svix-timestamp", "16142653x0", "svix-signature", sig), now},
		{"timestamp with sign", body, header("svix-id", v.ID, "svix-timestamp", "+"+v.Timestamp, "svix-signature", sig), now},
		{"timestamp in milliseconds", body, header("svix-id", v.ID, "svix-timestamp", v.Timestamp+"000", "svix-signature", sig), now},
		{"timestamp huge", body, header("svix-id", v.ID, "svix-timestamp", strings.Repeat("9", 40), "svix-signature", sig), now},
		{"entry without comma", body, header("svix-id", v.ID, "svix-timestamp", v.Timestamp, "svix-signature", "v1"+rawSig), now},
		{"entry of another version", body, header("svix-id", v.ID, "svix-timestamp", v.Timestamp, "svix-signature", "v2,"+rawSig), now},
		{"bad base64", body, header("svix-id", v.ID, "svix-timestamp", v.Timestamp, "svix-signature", "v1,"+rawSig[:10]+"!!"), now},
		{"bare signature", body, header("svix-id", v.ID, "svix-timestamp", v.Timestamp, "svix-signature", rawSig), now},
		{"match beyond 32 entries", body, header("svix-id", v.ID, "svix-timestamp", v.Timestamp,
			"svix-signature", strings.Repeat("v1,AAAA ", 32)+sig), now},
		{"signature header too long", body, header("svix-id", v.ID, "svix-timestamp", v.Timestamp,
			"svix-signature", sig+strings.Repeat(" ", 4096)), now},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			verifier, err := learnink.NewVerifier(learnink.WithSecrets(v.Secret), clockAt(tt.at))
			require.NoError(t, err)
			err = verifier.Verify(tt.header, tt.body)
			require.ErrorIs(t, err, learnink.ErrUnauthorized)
			var pe *learnink.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, "learnink", pe.Vendor)
			assertRevealsNothing(t, err.Error(), v.Secret, rawSig)
		})
	}
}

// assertRevealsNothing fails when text quotes a secret or a signature.
func assertRevealsNothing(t *testing.T, text string, secrets ...string) {
	t.Helper()
	for _, s := range secrets {
		assert.NotContains(t, text, s)
		assert.NotContains(t, text, strings.TrimPrefix(s, "whsec_"))
	}
}

func TestVerifyTolerance(t *testing.T) {
	v := readVector(t)
	sent := v.time(t)
	for _, tt := range []struct {
		name      string
		tolerance time.Duration
		at        time.Time
		ok        bool
	}{
		{"default, just inside late", 0, sent.Add(5 * time.Minute), true},
		{"default, just inside early", 0, sent.Add(-5 * time.Minute), true},
		{"default, just outside", 0, sent.Add(5*time.Minute + time.Second), false},
		{"one hour, 59 minutes late", time.Hour, sent.Add(59 * time.Minute), true},
		{"one hour, 61 minutes early", time.Hour, sent.Add(-61 * time.Minute), false},
		{"ten seconds, eleven late", 10 * time.Second, sent.Add(11 * time.Second), false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			verifier, err := learnink.NewVerifier(learnink.WithSecrets(v.Secret), learnink.WithTolerance(tt.tolerance), clockAt(tt.at))
			require.NoError(t, err)
			err = verifier.Verify(v.header(), []byte(v.Body))
			if tt.ok {
				assert.NoError(t, err)
			} else {
				assert.ErrorIs(t, err, learnink.ErrUnauthorized)
			}
		})
	}
}

func TestVerifyRotatedSecrets(t *testing.T) {
	v := readVector(t)
	const other = "whsec_" + "c2Vjb25kLXNlY3JldC1mb3ItdGVzdHM=" // "second-secret-for-tests"
	body := []byte(v.Body)
	oldSig := v.Signature
	newSig := signature(t, other, v.ID, v.Timestamp, body)
	withSignature := func(s string) http.Header {
		h := v.header()
		h.Set("svix-signature", s)
		return h
	}
	both, err := learnink.NewVerifier(learnink.WithSecrets(other), learnink.WithSecrets(v.Secret), clockAt(v.time(t)))
	require.NoError(t, err)
	assert.NoError(t, both.Verify(withSignature(oldSig), body), "old secret's signature")
	assert.NoError(t, both.Verify(withSignature(newSig), body), "new secret's signature")
	assert.NoError(t, both.Verify(withSignature("v1,AAAA v2,xyz "+newSig+" "+oldSig), body), "several entries")
	assert.NoError(t, both.Verify(withSignature(strings.Repeat("v1,AAAA ", 31)+oldSig), body), "32nd entry")

	onlyNew, err := learnink.NewVerifier(learnink.WithSecrets(other), clockAt(v.time(t)))
	require.NoError(t, err)
	assert.ErrorIs(t, onlyNew.Verify(withSignature(oldSig), body), learnink.ErrUnauthorized, "secret no longer configured")
	assert.NoError(t, onlyNew.Verify(withSignature(oldSig+" "+newSig), body), "Svix signs with both during rotation")
}

func TestNewVerifierRejectsBadSecrets(t *testing.T) {
	v := readVector(t)
	for _, tt := range []struct {
		name    string
		secrets []string
	}{
		{"none", nil},
		{"empty", []string{""}},
		{"prefix only", []string{"whsec_"}},
		{"not base64", []string{v.Secret, "whsec_not base64!"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			verifier, err := learnink.NewVerifier(learnink.WithSecrets(tt.secrets...))
			require.Error(t, err)
			assert.Nil(t, verifier)
			assert.NotContains(t, err.Error(), "not base64!")
		})
	}
	// Accepted: the bare base64 and surrounding white space.
	for _, secret := range []string{strings.TrimPrefix(v.Secret, "whsec_"), " " + v.Secret + " "} {
		verifier, err := learnink.NewVerifier(learnink.WithSecrets(secret), clockAt(v.time(t)))
		require.NoError(t, err, secret)
		assert.NoError(t, verifier.Verify(v.header(), []byte(v.Body)), secret)
	}
}
