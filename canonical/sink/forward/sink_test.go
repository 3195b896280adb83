package forward_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/canonical/sink"
	"github.com/lmshooks/lmshooks/canonical/sink/forward"
	"github.com/lmshooks/lmshooks/canonical/sink/internal/sinktest"
	"github.com/lmshooks/lmshooks/internal/swhtest"
	"github.com/lmshooks/lmshooks/learnink"
)

// secret signs the sinks' requests; swhtest's receivers verify with it.
const secret = swhtest.Secret

func newSink(t *testing.T, url string, opts ...forward.Option) *forward.Sink {
	t.Helper()
	s, err := forward.New(url, secret, opts...)
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	return s
}

// byID indexes the accepted requests by webhook-id, failing on a repeat.
func byID(t *testing.T, got []swhtest.Received) map[string]swhtest.Received {
	t.Helper()
	m := map[string]swhtest.Received{}
	for _, r := range got {
		id := r.Header.Get("webhook-id")
		_, dup := m[id]
		require.False(t, dup, "webhook-id %s twice", id)
		m[id] = r
	}
	return m
}

// TestStructuredEveryDocumentedEvent: each documented event is posted once,
// as its structured CloudEvent, with a signature both verifiers accept.
func TestStructuredEveryDocumentedEvent(t *testing.T) {
	r := swhtest.NewReceiver(t, secret)
	events := sinktest.DocumentedEvents(t)
	sinktest.RequireDelivered(t, newSink(t, r.URL).Deliver(context.Background(), events))

	got := byID(t, r.Take(t))
	require.Len(t, got, len(events))
	for _, e := range events {
		req, ok := got[e.ID]
		require.True(t, ok, "no request for %s", e.ID)
		assert.Equal(t, "application/cloudevents+json", req.Header.Get("Content-Type"))
		want, err := e.ToCloudEvent()
		require.NoError(t, err)
		var ce canonical.CloudEvent
		require.NoError(t, json.Unmarshal(req.Body, &ce))
		if diff := cmp.Diff(want, ce); diff != "" {
			t.Errorf("%s (-want +got):\n%s", e.ID, diff)
		}
	}
}

// TestBinaryEveryDocumentedEvent: in binary mode the attributes are ce-*
// headers and the body is the canonical event.
func TestBinaryEveryDocumentedEvent(t *testing.T) {
	r := swhtest.NewReceiver(t, secret)
	events := sinktest.DocumentedEvents(t)
	sinktest.RequireDelivered(t, newSink(t, r.URL, forward.WithMode(forward.Binary)).Deliver(context.Background(), events))

	got := byID(t, r.Take(t))
	require.Len(t, got, len(events))
	for _, e := range events {
		req := got[e.ID]
		want, err := e.ToCloudEvent()
		require.NoError(t, err)
		for name, values := range want.Header() {
			assert.Equal(t, values, req.Header.Values(name), "%s: %s", e.ID, name)
		}
		var data canonical.Event
		require.NoError(t, json.Unmarshal(req.Body, &data))
		if diff := cmp.Diff(e, data); diff != "" {
			t.Errorf("%s (-want +got):\n%s", e.ID, diff)
		}
	}
}

// TestEveryNon2xxIsRetried: 4xx included, as the issue asks; the error
// says the status.
func TestEveryNon2xxIsRetried(t *testing.T) {
	for _, status := range []int{301, 400, 401, 404, 408, 410, 413, 429, 500, 503} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			if status == 301 {
				w.Header().Set("Location", "/elsewhere")
			}
			http.Error(w, "no thanks", status)
		}))
		events := sinktest.DocumentedEvents(t)[:3]
		errs := newSink(t, srv.URL).Deliver(context.Background(), events)
		require.Len(t, errs, len(events))
		for i, err := range errs {
			assert.NotErrorIs(t, err, sink.ErrRejected, "%d", status)
			var serr *forward.StatusError
			require.ErrorAs(t, err, &serr, "%d", status)
			assert.Equal(t, status, serr.StatusCode)
			assert.Equal(t, events[i].ID, serr.EventID)
			assert.Contains(t, err.Error(), "no thanks")
		}
		srv.Close()
	}
}

func TestTimeoutIsRetried(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		select {
		case <-release:
		case <-req.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	start := time.Now()
	errs := newSink(t, srv.URL, forward.WithTimeout(200*time.Millisecond)).Deliver(context.Background(), sinktest.DocumentedEvents(t)[:2])
	require.Len(t, errs, 2)
	for _, err := range errs {
		assert.ErrorIs(t, err, context.DeadlineExceeded)
		assert.NotErrorIs(t, err, sink.ErrRejected)
	}
	assert.Less(t, time.Since(start), 5*time.Second)
}

func TestUnreachableIsRetried(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close()
	errs := newSink(t, url).Deliver(context.Background(), sinktest.DocumentedEvents(t)[:1])
	require.Len(t, errs, 1)
	require.Error(t, errs[0])
	assert.NotErrorIs(t, errs[0], sink.ErrRejected)
}

// TestAnIDNoHeaderCarriesIsEncoded: an id with a control character goes out
// percent-encoded in webhook-id, still signed and accepted, and the
// CloudEvent keeps the id.
func TestAnIDNoHeaderCarriesIsEncoded(t *testing.T) {
	r := swhtest.NewReceiver(t, secret)
	e := sinktest.DocumentedEvents(t)[0]
	e.ID = "toolzz:members.updated:line\r\nwebhook-id: forged"
	sinktest.RequireDelivered(t, newSink(t, r.URL).Deliver(context.Background(), []canonical.Event{e}))
	got := r.Take(t)
	require.Len(t, got, 1)
	assert.Equal(t, "toolzz:members.updated:line%0D%0Awebhook-id:%20forged", got[0].Header.Get("webhook-id"))
	assert.Len(t, got[0].Header.Values("webhook-id"), 1)
	var ce canonical.CloudEvent
	require.NoError(t, json.Unmarshal(got[0].Body, &ce))
	assert.Equal(t, e.ID, ce.ID)
}

func TestInvalidConfig(t *testing.T) {
	for name, tc := range map[string]struct {
		url, secret string
		opt         forward.Option
	}{
		"relative URL":  {"/hooks", secret, nil},
		"ftp URL":       {"ftp://example.com/", secret, nil},
		"no host":       {"http:///hooks", secret, nil},
		"bad URL":       {"http://[::1", secret, nil},
		"empty secret":  {"http://127.0.0.1/", "", nil},
		"bad secret":    {"http://127.0.0.1/", "whsec_not*base64!", nil},
		"unknown mode":  {"http://127.0.0.1/", secret, forward.WithMode("batch")},
		"zero timeout":  {"http://127.0.0.1/", secret, forward.WithTimeout(0)},
		"no concurrent": {"http://127.0.0.1/", secret, forward.WithMaxConcurrent(0)},
	} {
		var opts []forward.Option
		if tc.opt != nil {
			opts = append(opts, tc.opt)
		}
		_, err := forward.New(tc.url, tc.secret, opts...)
		require.ErrorIs(t, err, forward.ErrInvalidConfig, name)
		assert.NotContains(t, err.Error(), "base64!", name)
		if strings.Contains(name, "secret") {
			assert.True(t, errors.Is(err, learnink.ErrInvalidSecret), name)
		}
	}
}

// TestConcurrencyIsBounded: no more than WithMaxConcurrent requests are in
// flight at once.
func TestConcurrencyIsBounded(t *testing.T) {
	var inFlight, peak atomicMax
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		peak.observe(inFlight.add(1))
		time.Sleep(20 * time.Millisecond)
		inFlight.add(-1)
	}))
	defer srv.Close()
	sinktest.RequireDelivered(t, newSink(t, srv.URL, forward.WithMaxConcurrent(3)).Deliver(context.Background(), sinktest.DocumentedEvents(t)))
	assert.Equal(t, int64(3), peak.load())
}

func TestAnEventWithoutAnIDIsRejected(t *testing.T) {
	r := swhtest.NewReceiver(t, secret)
	e := sinktest.DocumentedEvents(t)[0]
	e.ID = ""
	errs := newSink(t, r.URL).Deliver(context.Background(), []canonical.Event{e})
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], sink.ErrRejected)
	assert.ErrorIs(t, errs[0], forward.ErrNoID)
	assert.Empty(t, r.Take(t), "nothing was posted")
}

func TestPrintingTheSinkShowsNoSecret(t *testing.T) {
	s := newSink(t, "https://relay:hunter2@example.com/hooks")
	for _, format := range []string{"%v", "%+v", "%#v", "%s"} {
		printed := fmt.Sprintf(format, s)
		assert.NotContains(t, printed, secret[len("whsec_"):], format)
		assert.NotContains(t, printed, "hunter2", format)
		assert.Contains(t, printed, "example.com", format)
	}
}
