package xapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/canonical/sink"
	"github.com/lmshooks/lmshooks/canonical/xapi"
)

// answering is an HTTP server that records every request and answers with
// answer; for the LRS answers the in-memory LRS never gives (401, 429,
// 5xx, a hang).
type answering struct {
	*httptest.Server
	mu       sync.Mutex
	requests []recorded
}

type recorded struct {
	header http.Header
	ids    []string
}

func newAnswering(t *testing.T, answer func(w http.ResponseWriter, ids []string)) *answering {
	a := &answering{}
	a.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		var statements []struct {
			ID string `json:"id"`
		}
		if r.URL.Path != "/xAPI/statements" || json.Unmarshal(body, &statements) != nil {
			http.Error(w, "not a statements POST", http.StatusNotFound)
			return
		}
		ids := make([]string, len(statements))
		for i, s := range statements {
			ids[i] = s.ID
		}
		a.mu.Lock()
		a.requests = append(a.requests, recorded{header: r.Header.Clone(), ids: ids})
		a.mu.Unlock()
		answer(w, ids)
	}))
	t.Cleanup(a.Close)
	return a
}

func (a *answering) recorded() []recorded {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]recorded(nil), a.requests...)
}

// manyEvents returns n distinct course.completed events, one statement
// each.
func manyEvents(n int, tag string) []canonical.Event {
	events := make([]canonical.Event, n)
	for i := range events {
		events[i] = event()
		events[i].ID = fmt.Sprintf("braincert:course_completion.completed:%s-%d", tag, i)
	}
	return events
}

func TestLRSBatchesAndHeaders(t *testing.T) {
	srv := newAnswering(t, func(w http.ResponseWriter, ids []string) { _ = json.NewEncoder(w).Encode(ids) })
	l := newLRS(t, xapi.LRSConfig{Endpoint: srv.URL + "/xAPI/", Auth: "user:pa:ss", Version: "2.0.0", BatchSize: 4})
	events := manyEvents(10, "batches")
	events = append(events, events[3]) // the same event twice in one delivery
	assert.Nil(t, deliver(t, l, events))
	requests := srv.recorded()
	require.Len(t, requests, 3, "10 statements in batches of 4")
	seen := map[string]bool{}
	for _, r := range requests {
		assert.LessOrEqual(t, len(r.ids), 4)
		assert.Equal(t, "2.0.0", r.header.Get("X-Experience-API-Version"))
		assert.Equal(t, "application/json", r.header.Get("Content-Type"))
		req := http.Request{Header: r.header}
		user, pass, ok := req.BasicAuth()
		assert.True(t, ok)
		assert.Equal(t, "user", user)
		assert.Equal(t, "pa:ss", pass)
		for _, id := range r.ids {
			assert.False(t, seen[id], "statement %s sent twice", id)
			seen[id] = true
		}
	}
	assert.Len(t, seen, 10)
}

func TestLRSRetryableAnswers(t *testing.T) {
	for _, status := range []int{401, 403, 429, 500, 503} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			srv := newAnswering(t, func(w http.ResponseWriter, ids []string) { http.Error(w, "no, because", status) })
			var logs bytes.Buffer
			l := newLRS(t, xapi.LRSConfig{Endpoint: srv.URL + "/xAPI", Logger: slog.New(slog.NewTextHandler(&logs, nil))})
			errs := deliver(t, l, manyEvents(3, "retry"))
			require.Len(t, errs, 3)
			for _, err := range errs {
				var lrsErr *xapi.LRSError
				require.ErrorAs(t, err, &lrsErr)
				assert.Equal(t, status, lrsErr.Status)
				assert.Equal(t, "no, because", lrsErr.Answer)
				assert.NotErrorIs(t, err, sink.ErrRejected, "retried later")
			}
			assert.Len(t, srv.recorded(), 1, "one request, no split")
			if status == 401 || status == 403 {
				assert.Contains(t, logs.String(), "level=ERROR", "credentials refused: logged loudly")
			} else {
				assert.Empty(t, logs.String())
			}
		})
	}
}

func TestLRSTimeout(t *testing.T) {
	release := make(chan struct{})
	srv := newAnswering(t, func(w http.ResponseWriter, ids []string) { <-release })
	defer close(release)
	l := newLRS(t, xapi.LRSConfig{Endpoint: srv.URL + "/xAPI", Timeout: 100 * time.Millisecond})
	start := time.Now()
	errs := deliver(t, l, manyEvents(2, "timeout"))
	assert.Less(t, time.Since(start), 5*time.Second)
	require.Len(t, errs, 2)
	for _, err := range errs {
		require.Error(t, err)
		assert.NotErrorIs(t, err, sink.ErrRejected)
	}
}

// TestLRSSplitsABadBatch checks the halving: one statement the LRS refuses
// among 8 costs 1 + 2·log2(8) requests, and only it is rejected.
func TestLRSSplitsABadBatch(t *testing.T) {
	for _, status := range []int{400, 409, 413} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			events := manyEvents(8, "split")
			statements, err := xapi.Statements(events[5], documentedOptions...)
			require.NoError(t, err)
			bad := statements[0].ID
			srv := newAnswering(t, func(w http.ResponseWriter, ids []string) {
				for _, id := range ids {
					if id == bad {
						http.Error(w, `{"message":"statement `+bad+` is bad"}`, status)
						return
					}
				}
				_ = json.NewEncoder(w).Encode(ids)
			})
			errs := deliver(t, newLRS(t, xapi.LRSConfig{Endpoint: srv.URL + "/xAPI"}), events)
			require.Len(t, errs, 8)
			for i, err := range errs {
				if i != 5 {
					assert.NoError(t, err)
					continue
				}
				assert.ErrorIs(t, err, sink.ErrRejected)
				assert.ErrorContains(t, err, "is bad")
			}
			assert.Len(t, srv.recorded(), 7)
		})
	}
}

func TestLRSLocalRejections(t *testing.T) {
	srv := newAnswering(t, func(w http.ResponseWriter, ids []string) { _ = json.NewEncoder(w).Encode(ids) })
	l := newLRS(t, xapi.LRSConfig{Endpoint: srv.URL + "/xAPI"})
	invalid := event()
	invalid.Object = nil // breaks the canonical contract
	future := event()
	future.OccurredAt = time.Now().Add(24 * time.Hour).UTC()
	none := event()
	none.Type = canonical.TypeCourseCreated // no statement: delivered
	errs := deliver(t, l, []canonical.Event{invalid, future, none, event()})
	require.Len(t, errs, 4)
	assert.ErrorIs(t, errs[0], canonical.ErrInvalidEvent)
	assert.ErrorIs(t, errs[0], sink.ErrRejected)
	assert.ErrorIs(t, errs[1], xapi.ErrInvalidStatement)
	assert.ErrorIs(t, errs[1], sink.ErrRejected)
	assert.NoError(t, errs[2])
	assert.NoError(t, errs[3])
	require.Len(t, srv.recorded(), 1)
	assert.Len(t, srv.recorded()[0].ids, 1, "only the good statement is sent")
}

func TestLRSEventWithTwoStatements(t *testing.T) {
	e := event()
	e.Certificate = &canonical.Certificate{Issued: ptr(true)}
	statements, err := xapi.Statements(e, documentedOptions...)
	require.NoError(t, err)
	require.Len(t, statements, 2)
	srv := newAnswering(t, func(w http.ResponseWriter, ids []string) {
		if len(ids) == 1 && ids[0] == statements[1].ID {
			http.Error(w, "temporarily unavailable", http.StatusServiceUnavailable)
			return
		}
		http.Error(w, "split me", http.StatusBadRequest)
	})
	errs := deliver(t, newLRS(t, xapi.LRSConfig{Endpoint: srv.URL + "/xAPI"}), []canonical.Event{e})
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], sink.ErrRejected, "the rejected statement decides: retrying cannot store it")
}

func TestLRSConfigErrors(t *testing.T) {
	for name, cfg := range map[string]xapi.LRSConfig{
		"no endpoint":       {},
		"relative endpoint": {Endpoint: "/xAPI"},
		"endpoint query":    {Endpoint: "http://127.0.0.1/xAPI?tenant=1"},
		"version":           {Endpoint: "http://127.0.0.1/xAPI", Version: "1.0.0"},
		"auth":              {Endpoint: "http://127.0.0.1/xAPI", Auth: "token"},
		"batch size":        {Endpoint: "http://127.0.0.1/xAPI", BatchSize: xapi.MaxBatchSize + 1},
		"mapping":           {Endpoint: "http://127.0.0.1/xAPI", Mapping: []xapi.Option{xapi.WithActivityBase("activities")}},
	} {
		_, err := xapi.NewLRS(cfg)
		assert.Error(t, err, name)
	}
	_, err := xapi.NewLRS(xapi.LRSConfig{Endpoint: "http://127.0.0.1/xAPI", Mapping: []xapi.Option{xapi.WithActivityBase("activities")}})
	assert.ErrorIs(t, err, xapi.ErrInvalidOption)
	l, err := xapi.NewLRS(xapi.LRSConfig{Endpoint: "http://127.0.0.1/xAPI"})
	require.NoError(t, err)
	assert.Equal(t, "lrs", l.Name())
}

func TestLRSCanceledContext(t *testing.T) {
	srv := newAnswering(t, func(w http.ResponseWriter, ids []string) { _ = json.NewEncoder(w).Encode(ids) })
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	errs := newLRS(t, xapi.LRSConfig{Endpoint: srv.URL + "/xAPI"}).Deliver(ctx, manyEvents(2, "cancel"))
	require.Len(t, errs, 2)
	assert.ErrorIs(t, errs[0], context.Canceled)
	assert.NotErrorIs(t, errs[0], sink.ErrRejected)
}
