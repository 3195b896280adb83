package braincerttest_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/braincert"
	"github.com/lmshooks/lmshooks/braincert/braincerttest"
)

func TestEveryExampleParsesToItsTopic(t *testing.T) {
	examples := braincerttest.Examples()
	require.Len(t, examples, 26, "23 documented JSON bodies and 3 XML renderings")
	for _, ex := range examples {
		t.Run(ex.Name, func(t *testing.T) {
			event, err := ex.Event()
			require.NoError(t, err)
			_, unknown := event.(*braincert.Unknown)
			assert.False(t, unknown)
			assert.True(t, event.Topic().Known())
			assert.Equal(t, ex.EventName, event.EventName())
		})
	}
}

func TestXMLExamplesAreSentAsXML(t *testing.T) {
	ex, ok := braincerttest.Lookup("user.signup.xml")
	require.True(t, ok)
	assert.Equal(t, "application/xml", ex.ContentType)
	assert.Equal(t, "user.signup", ex.EventName)
	assert.Equal(t, byte('<'), ex.Body[0])
	json, ok := braincerttest.Lookup("user.signup")
	require.True(t, ok)
	assert.Equal(t, "application/json", json.ContentType)
	assert.Equal(t, "user.signup.json", json.File)
}

func TestLookupByTopicOrFile(t *testing.T) {
	for _, name := range []string{"virtual classroom.enrollment", "virtual_classroom.enrollment.json", "virtual_classroom.enrollment"} {
		ex, ok := braincerttest.Lookup(name)
		require.True(t, ok, name)
		assert.Equal(t, "virtual_classroom.enrollment.json", ex.File)
	}
	_, ok := braincerttest.Lookup("virtual classroom.updated")
	assert.False(t, ok, "Live Class Updated has no documented body")
}

func TestExamplesAreCopies(t *testing.T) {
	ex, _ := braincerttest.Lookup("group.created")
	want := string(ex.Body)
	ex.Body[0] = 'X'
	braincerttest.Examples()[0].Body[0] = 'X'
	again, _ := braincerttest.Lookup("group.created")
	assert.Equal(t, want, string(again.Body))
	assert.Equal(t, byte('{'), braincerttest.Examples()[0].Body[0])
}

// serve posts req to a real server running braincert.Handler with opts and
// returns the status and the event the callback got (nil when none).
func serve(t *testing.T, newRequest func(url string) *http.Request, opts ...braincert.Option) (int, braincert.Event) {
	t.Helper()
	var got braincert.Event
	srv := httptest.NewServer(braincert.Handler(func(_ context.Context, e braincert.Event) error {
		got = e
		return nil
	}, append(opts, braincert.WithLogger(slog.New(slog.DiscardHandler)))...))
	defer srv.Close()
	resp, err := srv.Client().Do(newRequest(srv.URL + "/webhooks/braincert"))
	require.NoError(t, err)
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode, got
}

func TestHandlerAcceptsEveryRequest(t *testing.T) {
	for _, ex := range braincerttest.Examples() {
		t.Run(ex.Name, func(t *testing.T) {
			status, got := serve(t, func(url string) *http.Request { return braincerttest.NewRequest(url, ex) })
			require.Equal(t, http.StatusOK, status, "without credentials configured")
			assert.Equal(t, ex.EventName, got.EventName())

			withAuth := func(url string) *http.Request {
				return braincerttest.NewRequest(url, ex, braincerttest.WithBasicAuth("braincert", "s3cret:pass"))
			}
			status, got = serve(t, withAuth, braincert.WithBasicAuth("braincert", "s3cret:pass"))
			require.Equal(t, http.StatusOK, status, "with credentials configured")
			assert.Equal(t, ex.EventName, got.EventName())
		})
	}
}

func TestCredentialsAreNeededWhereConfigured(t *testing.T) {
	ex, _ := braincerttest.Lookup("course_completion.completed")
	plain := func(url string) *http.Request { return braincerttest.NewRequest(url, ex) }
	status, got := serve(t, plain, braincert.WithBasicAuth("braincert", "secret"))
	assert.Equal(t, http.StatusUnauthorized, status)
	assert.Nil(t, got)

	wrong := func(url string) *http.Request {
		return braincerttest.NewRequest(url, ex, braincerttest.WithBasicAuth("braincert", "guess"))
	}
	status, _ = serve(t, wrong, braincert.WithBasicAuth("braincert", "secret"))
	assert.Equal(t, http.StatusUnauthorized, status)
}

func TestNewRequestIsAPost(t *testing.T) {
	ex, _ := braincerttest.Lookup("purchase.completed.xml")
	req := braincerttest.NewRequest("http://example.com/hooks", ex, braincerttest.WithBasicAuth("u", "p"))
	assert.Equal(t, http.MethodPost, req.Method)
	assert.Equal(t, "application/xml", req.Header.Get("Content-Type"))
	user, pass, ok := req.BasicAuth()
	assert.True(t, ok)
	assert.Equal(t, "u:p", user+":"+pass)
	assert.Equal(t, int64(len(ex.Body)), req.ContentLength)
	body, err := io.ReadAll(req.Body)
	require.NoError(t, err)
	assert.Equal(t, ex.Body, body)
}
