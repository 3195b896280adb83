package jetstream_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/nats-io/nats-server/v2/server"
	natsjs "github.com/nats-io/nats.go/jetstream"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/canonical/sink"
	"github.com/lmshooks/lmshooks/canonical/sink/internal/sinktest"
	"github.com/lmshooks/lmshooks/canonical/sink/jetstream"
	"github.com/lmshooks/lmshooks/internal/natstest"
)

func newSink(t *testing.T, url string, opts ...jetstream.Option) *jetstream.Sink {
	t.Helper()
	s, err := jetstream.New(context.Background(), url, opts...)
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	return s
}

// decode undoes the binding's percent-encoding of a header value.
func decode(t *testing.T, value string) string {
	t.Helper()
	decoded, err := url.PathUnescape(value)
	require.NoError(t, err, value)
	return decoded
}

// TestEveryDocumentedEventIsOneMessage: each documented body's events land
// in the stream once each, under their subject, with their ce-* headers,
// Nats-Msg-Id and the canonical event as data; publishing them all again
// adds no message.
func TestEveryDocumentedEventIsOneMessage(t *testing.T) {
	srv := natstest.Start(t)
	events := sinktest.DocumentedEvents(t)
	s := newSink(t, srv.URL(), jetstream.WithCreateStream(true))
	sinktest.RequireDelivered(t, s.Deliver(context.Background(), events))

	msgs := srv.Messages(jetstream.DefaultStream)
	require.Len(t, msgs, len(events))
	byID := map[string]canonical.Event{}
	for _, e := range events {
		byID[e.ID] = e
	}
	for _, msg := range msgs {
		id := msg.Header.Get("Nats-Msg-Id")
		e, ok := byID[id]
		require.True(t, ok, "a message with Nats-Msg-Id %q that is no event's id", id)
		delete(byID, id)

		assert.Equal(t, "lmshooks."+string(e.Vendor)+"."+string(e.Type), msg.Subject)
		for name, values := range msg.Header {
			require.Len(t, values, 1, name)
			if strings.HasPrefix(name, "ce-") {
				assert.NotContains(t, values[0], " ", "%s is percent-encoded", name)
			}
		}
		assert.Equal(t, "1.0", msg.Header.Get("ce-specversion"))
		assert.Equal(t, e.ID, decode(t, msg.Header.Get("ce-id")))
		assert.Equal(t, canonical.DefaultSourcePrefix+string(e.Vendor), decode(t, msg.Header.Get("ce-source")))
		assert.Equal(t, "dev.lmshooks."+string(e.Type), msg.Header.Get("ce-type"))
		assert.Equal(t, "application/json", msg.Header.Get("ce-datacontenttype"))
		assert.Empty(t, msg.Header.Get("Content-Type"), "binary mode: no application/cloudevents Content-Type")
		if e.Object != nil {
			assert.Equal(t, e.Object.ID, decode(t, msg.Header.Get("ce-subject")))
		}
		if !e.OccurredAt.IsZero() {
			at, err := time.Parse(time.RFC3339Nano, msg.Header.Get("ce-time"))
			require.NoError(t, err)
			assert.True(t, at.Equal(e.OccurredAt), "ce-time %s", at)
		}
		var data canonical.Event
		require.NoError(t, json.Unmarshal(msg.Data, &data))
		if diff := cmp.Diff(e, data); diff != "" {
			t.Errorf("%s: data is not the canonical event (-want +got):\n%s", e.ID, diff)
		}
	}

	sinktest.RequireDelivered(t, s.Deliver(context.Background(), events))
	assert.Equal(t, uint64(len(events)), srv.Count(jetstream.DefaultStream), "published again: no new message")
}

// TestNATSDownThenUp: while the server is down Deliver fails every event
// with a retryable error; once it is back the same events are delivered,
// each once.
func TestNATSDownThenUp(t *testing.T) {
	srv := natstest.Start(t)
	events := sinktest.DocumentedEvents(t)
	s := newSink(t, srv.URL(), jetstream.WithCreateStream(true), jetstream.WithAckTimeout(2*time.Second))
	sinktest.RequireDelivered(t, s.Deliver(context.Background(), events[:3]))

	srv.Stop()
	errs := s.Deliver(context.Background(), events)
	require.Len(t, errs, len(events))
	for i, err := range errs {
		require.Error(t, err, "event %d", i)
		assert.NotErrorIs(t, err, sink.ErrRejected, "event %d", i)
		assert.ErrorIs(t, err, jetstream.ErrDisconnected, "event %d", i)
	}

	srv.Restart()
	deadline := time.Now().Add(30 * time.Second)
	for errs != nil {
		require.True(t, time.Now().Before(deadline), "not delivered after the restart: %v", errs[0])
		time.Sleep(100 * time.Millisecond)
		errs = s.Deliver(context.Background(), events)
	}
	assert.Equal(t, uint64(len(events)), srv.Count(jetstream.DefaultStream))
}

// TestRejectsWhatNoRetryFixes: an event whose type is not a subject token,
// one over the server's max_payload and one without an id are rejected; the rest of the batch
// is delivered.
func TestRejectsWhatNoRetryFixes(t *testing.T) {
	srv := natstest.Start(t, func(o *server.Options) { o.MaxPayload = 4096 })
	s := newSink(t, srv.URL(), jetstream.WithCreateStream(true))
	good := sinktest.DocumentedEvents(t)[0]
	badType := good
	badType.ID, badType.Type = "x:1", "course completed"
	wildcard := good
	wildcard.ID, wildcard.Type = "x:2", "course.*"
	empty := good
	empty.ID, empty.Type = "x:3", "course..completed"
	huge := good
	huge.ID, huge.Data = "x:4", json.RawMessage(`"`+strings.Repeat("a", 8192)+`"`)
	noID := good
	noID.ID = ""

	errs := s.Deliver(context.Background(), []canonical.Event{badType, good, wildcard, empty, huge, noID})
	require.Len(t, errs, 6)
	for _, i := range []int{0, 2, 3} {
		assert.ErrorIs(t, errs[i], sink.ErrRejected, "event %d", i)
		assert.ErrorIs(t, errs[i], jetstream.ErrInvalidSubject, "event %d", i)
	}
	assert.NoError(t, errs[1])
	assert.ErrorIs(t, errs[4], sink.ErrRejected)
	assert.Contains(t, errs[4].Error(), "max_payload")
	assert.ErrorIs(t, errs[5], sink.ErrRejected)
	assert.ErrorIs(t, errs[5], jetstream.ErrNoID)
	assert.Equal(t, uint64(1), srv.Count(jetstream.DefaultStream))
}

func TestSubjectPrefix(t *testing.T) {
	srv := natstest.Start(t)
	s := newSink(t, srv.URL(), jetstream.WithCreateStream(true), jetstream.WithSubjectPrefix("acme.lms"), jetstream.WithStream("ACME"))
	e := sinktest.DocumentedEvents(t)[0]
	sinktest.RequireDelivered(t, s.Deliver(context.Background(), []canonical.Event{e}))
	msgs := srv.Messages("ACME")
	require.Len(t, msgs, 1)
	assert.Equal(t, "acme.lms."+string(e.Vendor)+"."+string(e.Type), msgs[0].Subject)
}

// TestTheStreamIsTheUsers: without WithCreateStream a missing stream is an
// error, and an existing one is used as it is.
func TestTheStreamIsTheUsers(t *testing.T) {
	srv := natstest.Start(t)
	_, err := jetstream.New(context.Background(), srv.URL())
	require.ErrorIs(t, err, jetstream.ErrStreamNotFound)
	assert.Contains(t, err.Error(), `"lmshooks.>"`)

	newSink(t, srv.URL(), jetstream.WithCreateStream(true)).Close()
	s := newSink(t, srv.URL())
	sinktest.RequireDelivered(t, s.Deliver(context.Background(), sinktest.DocumentedEvents(t)[:2]))
	assert.Equal(t, uint64(2), srv.Count(jetstream.DefaultStream))
}

func TestCredentialsInTheURL(t *testing.T) {
	srv := natstest.Start(t, func(o *server.Options) { o.Username, o.Password = "relay", "s3cret" })
	s := newSink(t, srv.URL("relay:s3cret@"), jetstream.WithCreateStream(true))
	sinktest.RequireDelivered(t, s.Deliver(context.Background(), sinktest.DocumentedEvents(t)[:1]))

	_, err := jetstream.New(context.Background(), srv.URL("relay:wrong@"), jetstream.WithCreateStream(true))
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "wrong")

	_, err = jetstream.New(context.Background(), srv.URL(), jetstream.WithCredsFile(t.TempDir()+"/missing.creds"))
	require.Error(t, err)
}

func TestInvalidConfig(t *testing.T) {
	for name, opt := range map[string]jetstream.Option{
		"empty stream":        jetstream.WithStream(""),
		"stream with a dot":   jetstream.WithStream("A.B"),
		"stream with a slash": jetstream.WithStream("A/B"),
		"empty prefix":        jetstream.WithSubjectPrefix(""),
		"wildcard prefix":     jetstream.WithSubjectPrefix("lms.>"),
		"prefix with a space": jetstream.WithSubjectPrefix("my lms"),
		"zero ack timeout":    jetstream.WithAckTimeout(0),
		"zero pending":        jetstream.WithMaxPending(0),
	} {
		_, err := jetstream.New(context.Background(), "nats://127.0.0.1:1", opt)
		assert.ErrorIs(t, err, jetstream.ErrInvalidConfig, name)
	}
}

func TestServerUnreachableAtStart(t *testing.T) {
	srv := natstest.Start(t)
	srv.Stop()
	_, err := jetstream.New(context.Background(), srv.URL())
	require.Error(t, err)
	assert.Contains(t, err.Error(), "connecting to NATS")
}

func TestMsgID(t *testing.T) {
	for id, want := range map[string]string{
		"mcg:course_finish:63cef983":    "mcg:course_finish:63cef983",
		"braincert:virtual classroom:1": "braincert:virtual classroom:1",
		"a%20b":                         "a%2520b",
		"a b":                           "a b",
		" a":                            "%20a",
		"line\r\nNats-Expected-Stream":  "line%0D%0ANats-Expected-Stream",
		"é":                             "%C3%A9",
	} {
		assert.Equal(t, want, jetstream.MsgID(id), "%q", id)
	}
	assert.NotEqual(t, jetstream.MsgID("a b"), jetstream.MsgID("a%20b"))
}

// TestAnotherStreamCapturingTheSubjectIsAnError: the events must land in the
// configured stream; one that another stream captures is not delivered.
func TestAnotherStreamCapturingTheSubjectIsAnError(t *testing.T) {
	srv := natstest.Start(t)
	js := srv.JetStream()
	_, err := js.CreateStream(context.Background(), natsjs.StreamConfig{Name: "LMSHOOKS", Subjects: []string{"elsewhere.>"}})
	require.NoError(t, err)
	_, err = js.CreateStream(context.Background(), natsjs.StreamConfig{Name: "OTHER", Subjects: []string{"lmshooks.>"}})
	require.NoError(t, err)

	s := newSink(t, srv.URL())
	errs := s.Deliver(context.Background(), sinktest.DocumentedEvents(t)[:1])
	require.Len(t, errs, 1)
	require.Error(t, errs[0])
	assert.NotErrorIs(t, errs[0], sink.ErrRejected, "the user can fix the streams; retry")
	assert.Contains(t, errs[0].Error(), "expected stream does not match")
}

// TestABatchOverMaxPendingWaits: a batch larger than the publishes allowed
// in flight is delivered whole, each event once.
func TestABatchOverMaxPendingWaits(t *testing.T) {
	srv := natstest.Start(t)
	events := sinktest.DocumentedEvents(t)
	s := newSink(t, srv.URL(), jetstream.WithCreateStream(true), jetstream.WithMaxPending(2))
	sinktest.RequireDelivered(t, s.Deliver(context.Background(), events))
	assert.Equal(t, uint64(len(events)), srv.Count(jetstream.DefaultStream))
}

func TestACanceledContextPublishesNothing(t *testing.T) {
	srv := natstest.Start(t)
	s := newSink(t, srv.URL(), jetstream.WithCreateStream(true))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	errs := s.Deliver(ctx, sinktest.DocumentedEvents(t)[:3])
	require.Len(t, errs, 3)
	for _, err := range errs {
		assert.ErrorIs(t, err, context.Canceled)
	}
	assert.Equal(t, uint64(0), srv.Count(jetstream.DefaultStream))
}

// TestNATSGoesDownMidBatch: the server stops while a batch awaits its
// acknowledgements. Deliver still returns in bounded time, with some events
// perhaps stored and the rest failed, retryably; delivering the batch again
// after the restart stores each missing event, and no event twice.
func TestNATSGoesDownMidBatch(t *testing.T) {
	srv := natstest.Start(t)
	s := newSink(t, srv.URL(), jetstream.WithCreateStream(true), jetstream.WithAckTimeout(2*time.Second))
	var batch []canonical.Event
	for round := range 8 {
		for _, e := range sinktest.DocumentedEvents(t) {
			e.ID = fmt.Sprintf("%s#%d", e.ID, round)
			batch = append(batch, e)
		}
	}

	stopped := make(chan struct{})
	go func() {
		time.Sleep(time.Millisecond)
		srv.Stop()
		close(stopped)
	}()
	start := time.Now()
	errs := s.Deliver(context.Background(), batch)
	assert.Less(t, time.Since(start), 10*time.Second)
	<-stopped
	failed := 0
	for _, err := range errs {
		if err != nil {
			failed++
			assert.NotErrorIs(t, err, sink.ErrRejected)
		}
	}
	t.Logf("%d of %d events failed while the server stopped", failed, len(batch))

	srv.Restart()
	deadline := time.Now().Add(30 * time.Second)
	for errs = s.Deliver(context.Background(), batch); errs != nil; errs = s.Deliver(context.Background(), batch) {
		require.True(t, time.Now().Before(deadline), "not delivered after the restart: %v", errs[0])
		time.Sleep(100 * time.Millisecond)
	}
	assert.Equal(t, uint64(len(batch)), srv.Count(jetstream.DefaultStream))
}
