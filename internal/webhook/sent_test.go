package webhook_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/internal/jcs"
	"github.com/lmshooks/lmshooks/internal/webhook"
)

type sentEvent struct{ webhook.Sent }

// TestCheckJSONWithoutSum: the same payload and checks as CheckJSON, and
// SentOf computes the same sum when asked.
func TestCheckJSONWithoutSum(t *testing.T) {
	body := []byte("{\n  \"b\": [1, \"x y\"],\n  \"a\": {\"\\u0063\": true}\n}\n")
	eager, err := webhook.CheckJSON("v", "", body)
	require.NoError(t, err)
	lazy, err := webhook.CheckJSONWithoutSum("v", "", body)
	require.NoError(t, err)
	assert.Equal(t, `{"b":[1,"x y"],"a":{"\u0063":true}}`, string(lazy.AsSent()))

	p1, s1, ok1 := webhook.SentOf(webhook.Keep(&sentEvent{}, eager))
	p2, s2, ok2 := webhook.SentOf(webhook.Keep(&sentEvent{}, lazy))
	require.True(t, ok1)
	require.True(t, ok2)
	assert.Equal(t, p1, p2)
	assert.Equal(t, s1, s2)
	want, err := jcs.Sum(body)
	require.NoError(t, err)
	assert.Equal(t, want, s2)

	for _, bad := range []string{`{"a":1,"a":2}`, `{"Type":1,"type":2}`, `[1]`, `{"a":}`} {
		_, errEager := webhook.CheckJSON("v", "", []byte(bad))
		_, errLazy := webhook.CheckJSONWithoutSum("v", "", []byte(bad))
		require.Error(t, errLazy, bad)
		assert.Equal(t, errEager.Error(), errLazy.Error(), bad)
	}
}
