package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/canonical/sink/jetstream"
	"github.com/lmshooks/lmshooks/internal/fixtures"
	"github.com/lmshooks/lmshooks/internal/natstest"
	"github.com/lmshooks/lmshooks/internal/swhtest"
)

// expectedEvents parses the bodies as the receiver does and returns their
// events by id.
func expectedEvents(t *testing.T, bodies []fixtures.File) map[string]canonical.Event {
	t.Helper()
	byID := map[string]canonical.Event{}
	for _, f := range bodies {
		events, err := canonical.ParseRequest(http.Header{"Content-Type": {fixtures.ContentType(f.Name)}}, f.Data)
		require.NoError(t, err, f.Name)
		for _, e := range events {
			byID[e.ID] = e
		}
	}
	return byID
}

// waitFor polls done until it holds or timeout passes, and reports whether
// it held.
func waitFor(timeout time.Duration, done func() bool) bool {
	for deadline := time.Now().Add(timeout); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if done() {
			return true
		}
	}
	return done()
}

// msgIDs returns the Nats-Msg-Id of every message of the stream, sorted.
func msgIDs(srv *natstest.Server) []string {
	var ids []string
	for _, msg := range srv.Messages(jetstream.DefaultStream) {
		ids = append(ids, msg.Header.Get("Nats-Msg-Id"))
	}
	slices.Sort(ids)
	return ids
}

// sortedKeys returns m's keys, sorted.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// unescape undoes the CloudEvents NATS binding's percent-encoding.
func unescape(t *testing.T, value string) string {
	t.Helper()
	decoded, err := url.PathUnescape(value)
	require.NoError(t, err, value)
	return decoded
}

// TestReceiverPublishesEveryDocumentedEventToJetStreamOnce: the receiver
// with -nats publishes each documented body's events to the stream once,
// under lmshooks.<vendor>.<type>, with the CloudEvents headers,
// Nats-Msg-Id and the canonical event as data; everything posted again
// adds no message. With a SQLite store, and with PostgreSQL when
// LMSHOOKS_TEST_POSTGRES_DSN is set.
func TestReceiverPublishesEveryDocumentedEventToJetStreamOnce(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) { publishEveryDocumentedEventOnce(t) })
	t.Run("postgres", func(t *testing.T) { publishEveryDocumentedEventOnce(t, "-store", postgresDSN(t)) })
}

func publishEveryDocumentedEventOnce(t *testing.T, flags ...string) {
	nats := natstest.Start(t)
	rx := startRun(t, io.Discard, io.Discard, append([]string{"-nats", nats.URL(), "-nats-create-stream"}, flags...)...)
	bodies := documentedBodies(t)
	want := expectedEvents(t, bodies)
	for _, f := range bodies {
		require.Equal(t, http.StatusOK, post(t, "http://"+rx.addr+"/webhooks", f), f.Name)
	}
	require.True(t, waitFor(20*time.Second, func() bool { return nats.Count(jetstream.DefaultStream) >= uint64(len(want)) }),
		"the stream holds %d messages, want %d", nats.Count(jetstream.DefaultStream), len(want))

	msgs := nats.Messages(jetstream.DefaultStream)
	seen := map[string]bool{}
	for _, msg := range msgs {
		id := msg.Header.Get("Nats-Msg-Id")
		e, ok := want[id]
		require.True(t, ok, "a message with Nats-Msg-Id %q that is no posted event's id", id)
		assert.False(t, seen[id], "event %s published twice", id)
		seen[id] = true
		assert.Equal(t, "lmshooks."+string(e.Vendor)+"."+string(e.Type), msg.Subject, id)
		assert.Equal(t, "1.0", msg.Header.Get("ce-specversion"), id)
		assert.Equal(t, e.ID, unescape(t, msg.Header.Get("ce-id")))
		assert.Equal(t, canonical.DefaultSourcePrefix+string(e.Vendor), unescape(t, msg.Header.Get("ce-source")), id)
		assert.Equal(t, "dev.lmshooks."+string(e.Type), msg.Header.Get("ce-type"), id)
		assert.Equal(t, "application/json", msg.Header.Get("ce-datacontenttype"), id)
		var data canonical.Event
		require.NoError(t, json.Unmarshal(msg.Data, &data), id)
		assert.Equal(t, e.ID, data.ID)
		assert.Equal(t, e.Type, data.Type)
	}
	assert.Equal(t, sortedKeys(want), msgIDs(nats), "one message per canonical event")

	for _, f := range bodies {
		require.Equal(t, http.StatusOK, post(t, "http://"+rx.addr+"/webhooks", f), f.Name)
	}
	time.Sleep(2 * time.Second) // several relay polls
	assert.Equal(t, uint64(len(want)), nats.Count(jetstream.DefaultStream), "posted again: no new message")
}

// TestReceiverDeliversWhileNATSWasDown: events that arrive while NATS is
// down are stored and answered 200, and once NATS is back each is in the
// stream once.
func TestReceiverDeliversWhileNATSWasDown(t *testing.T) {
	nats := natstest.Start(t)
	rx := startRun(t, io.Discard, io.Discard, "-nats", nats.URL(), "-nats-create-stream")
	nats.Stop()
	want := map[string]bool{}
	for _, d := range killDeliveries(t, 50) {
		resp, err := http.Post("http://"+rx.addr+"/webhooks", "application/json", bytes.NewReader(d.body))
		require.NoError(t, err)
		resp.Body.Close()
		require.Equal(t, http.StatusOK, resp.StatusCode, "stored although NATS is down")
		for _, id := range d.ids {
			want[id] = true
		}
	}
	time.Sleep(2 * time.Second) // the relay tries, and fails
	nats.Restart()
	require.True(t, waitFor(60*time.Second, func() bool { return nats.Count(jetstream.DefaultStream) >= uint64(len(want)) }),
		"the stream holds %d messages, want %d", nats.Count(jetstream.DefaultStream), len(want))
	time.Sleep(time.Second)
	assert.Equal(t, sortedKeys(want), msgIDs(nats), "every event once")
}

// TestReceiverForwardsSignedCloudEvents: with -forward, every documented
// event reaches the user's service as a CloudEvent that the official
// Standard Webhooks verifier accepts, in either content mode, with
// webhook-id the canonical id.
func TestReceiverForwardsSignedCloudEvents(t *testing.T) {
	for _, mode := range []string{"structured", "binary"} {
		t.Run(mode, func(t *testing.T) {
			service := swhtest.NewReceiver(t, swhtest.Secret)
			rx := startRun(t, io.Discard, io.Discard, "-forward", service.URL, "-forward-secret", swhtest.Secret, "-forward-mode", mode)
			bodies := documentedBodies(t)
			want := expectedEvents(t, bodies)
			for _, f := range bodies {
				require.Equal(t, http.StatusOK, post(t, "http://"+rx.addr+"/webhooks", f), f.Name)
			}
			got := map[string]swhtest.Received{}
			waitFor(20*time.Second, func() bool {
				for _, r := range service.Take(t) {
					got[r.Header.Get("webhook-id")] = r
				}
				return len(got) >= len(want)
			})
			require.Equal(t, sortedKeys(want), sortedKeys(got), "every event forwarded, signed")
			for id, r := range got {
				if mode == "binary" {
					assert.Equal(t, id, unescape(t, r.Header.Get("ce-id")))
					continue
				}
				assert.Equal(t, "application/cloudevents+json", r.Header.Get("Content-Type"))
				var ce struct{ ID, Type string }
				require.NoError(t, json.Unmarshal(r.Body, &ce))
				assert.Equal(t, id, ce.ID)
				assert.Equal(t, "dev.lmshooks."+string(want[id].Type), ce.Type)
			}
		})
	}
}
