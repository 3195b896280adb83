package learninktest_test

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/learnink"
	"github.com/lmshooks/lmshooks/learnink/learninktest"
)

const secret = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD"

func TestEveryExampleParsesToItsEvent(t *testing.T) {
	examples := learninktest.Examples()
	require.Len(t, examples, 2)
	for _, ex := range examples {
		event, err := ex.Event()
		require.NoError(t, err, ex.Name)
		_, unknown := event.(*learnink.Unknown)
		assert.False(t, unknown, ex.Name)
		assert.Equal(t, ex.Name, event.EventName())
	}
}

// serve posts the request built for url to a real server running
// learnink.Handler with opts; it returns the status and the delivered event.
func serve(t *testing.T, newRequest func(url string) *http.Request, opts ...learnink.Option) (int, learnink.Event) {
	t.Helper()
	var got learnink.Event
	srv := httptest.NewServer(learnink.Handler(func(_ context.Context, e learnink.Event) error {
		got = e
		return nil
	}, append(opts, learnink.WithLogger(slog.New(slog.DiscardHandler)))...))
	defer srv.Close()
	resp, err := srv.Client().Do(newRequest(srv.URL + "/webhooks/learnink"))
	require.NoError(t, err)
	resp.Body.Close()
	return resp.StatusCode, got
}

func TestHandlerWithTheSecretAcceptsEverySignedRequest(t *testing.T) {
	for _, ex := range learninktest.Examples() {
		status, got := serve(t, func(url string) *http.Request {
			return learninktest.NewRequest(url, ex, learninktest.WithSecret(secret), learninktest.WithMessageID("msg_"+ex.Name))
		}, learnink.WithSecrets(secret))
		require.Equal(t, http.StatusOK, status, ex.Name)
		assert.Equal(t, ex.Name, got.EventName())
		assert.Equal(t, "msg_"+ex.Name, got.Common().MessageID)
	}
}

func TestHandlerRejectsWhatItShould(t *testing.T) {
	ex, ok := learninktest.Lookup("user.course.started")
	require.True(t, ok)
	cases := map[string]func(url string) *http.Request{
		"unsigned": func(url string) *http.Request { return learninktest.NewRequest(url, ex) },
		"other secret": func(url string) *http.Request {
			return learninktest.NewRequest(url, ex, learninktest.WithSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
		},
		"an hour old": func(url string) *http.Request {
			hourAgo := func() time.Time { return time.Now().Add(-time.Hour) }
			return learninktest.NewRequest(url, ex, learninktest.WithSecret(secret), learninktest.WithClock(hourAgo))
		},
	}
	for name, newRequest := range cases {
		status, got := serve(t, newRequest, learnink.WithSecrets(secret))
		assert.Equal(t, http.StatusUnauthorized, status, name)
		assert.Nil(t, got, name)
	}
}

func TestHandlerWithoutSecretAcceptsUnsignedRequests(t *testing.T) {
	ex, _ := learninktest.Lookup("notifications.sent")
	status, got := serve(t, func(url string) *http.Request { return learninktest.NewRequest(url, ex) })
	require.Equal(t, http.StatusOK, status)
	assert.Regexp(t, `^msg_[A-Z2-7]{26}$`, got.Common().MessageID, "svix-id is sent even unsigned")
}

func TestNewRequestHeaders(t *testing.T) {
	ex, _ := learninktest.Lookup("user.course.started")
	at := time.Unix(1614265330, 0)
	req := learninktest.NewRequest("http://example.com/hooks", ex, learninktest.WithSecret(secret),
		learninktest.WithMessageID("msg_fixed"), learninktest.WithClock(func() time.Time { return at }))
	assert.Equal(t, http.MethodPost, req.Method)
	assert.Equal(t, "application/json", req.Header.Get("Content-Type"))
	assert.Equal(t, "msg_fixed", req.Header.Get("svix-id"))
	assert.Equal(t, "1614265330", req.Header.Get("svix-timestamp"))
	want, err := learninktest.Sign(secret, "msg_fixed", at, ex.Body)
	require.NoError(t, err)
	assert.Equal(t, want, req.Header.Get("svix-signature"))

	other := learninktest.NewRequest("http://example.com/hooks", ex)
	assert.NotEqual(t, req.Header.Get("svix-id"), other.Header.Get("svix-id"))
	assert.Empty(t, other.Header.Get("svix-signature"))
	assert.Equal(t, strconv.FormatInt(time.Now().Unix(), 10)[:8], other.Header.Get("svix-timestamp")[:8], "time.Now by default")
}

func TestNewRequestPanicsOnABadSecretWithoutQuotingIt(t *testing.T) {
	ex, _ := learninktest.Lookup("user.course.started")
	defer func() {
		r := recover()
		require.NotNil(t, r)
		assert.NotContains(t, r, "s3cr3t!")
	}()
	learninktest.NewRequest("http://example.com/hooks", ex, learninktest.WithSecret("whsec_s3cr3t!"))
}
