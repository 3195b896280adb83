package webhook_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/internal/webhook"
)

// reading is a handler that reads the body under whatever limit wraps it
// and sends ReadBody's error (nil for a body read whole) on done; hold,
// when not nil, keeps it (and its reservation) until closed.
func reading(limit int64, done chan<- error, hold <-chan struct{}) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, err := webhook.ReadBody(w, r, limit)
		if hold != nil {
			<-hold
		}
		done <- err
	})
}

// countingBody yields size bytes and counts how many were read.
type countingBody struct {
	size int64
	read atomic.Int64
}

func (b *countingBody) Read(p []byte) (int, error) {
	left := b.size - b.read.Load()
	if left <= 0 {
		return 0, io.EOF
	}
	n := min(int64(len(p)), left)
	clear(p[:n])
	b.read.Add(n)
	return int(n), nil
}

func post(body io.Reader, length int64) *http.Request {
	r := httptest.NewRequest(http.MethodPost, "/", body)
	r.ContentLength = length
	return r
}

// TestInflightBoundsABodyOfUnknownLength: a chunked body reserves before it
// reads, so that one longer than the room left is refused having read no
// more than that room.
func TestInflightBoundsABodyOfUnknownLength(t *testing.T) {
	const room = 100 << 10
	limit := webhook.NewInflight(room, 20*time.Millisecond)
	done := make(chan error, 1)
	body := &countingBody{size: 1 << 20}
	limit.Wrap(reading(4<<20, done, nil)).ServeHTTP(httptest.NewRecorder(), post(body, -1))
	err := <-done
	assert.ErrorIs(t, err, webhook.ErrBusy)
	assert.Equal(t, http.StatusServiceUnavailable, webhook.StatusFor(err))
	assert.LessOrEqual(t, body.read.Load(), int64(room), "read past what it reserved")
	assert.Zero(t, limit.Held(), "a refused request gives its bytes back")
}

// TestInflightRefusesADeclaredLengthWithoutReading: a declared length with
// no room is refused before a byte is read, and one over the whole limit at
// once.
func TestInflightRefusesADeclaredLengthWithoutReading(t *testing.T) {
	limit := webhook.NewInflight(1000, 20*time.Millisecond)
	done := make(chan error, 1)
	body := &countingBody{size: 1001}
	start := time.Now()
	limit.Wrap(reading(4<<20, done, nil)).ServeHTTP(httptest.NewRecorder(), post(body, 1001))
	assert.ErrorIs(t, <-done, webhook.ErrBusy)
	assert.Less(t, time.Since(start), 20*time.Millisecond, "a body over the whole limit cannot wait for room")
	assert.Zero(t, body.read.Load())
}

// TestInflightWaitsForRoom: a request that finds the limit held waits, and
// gets through when the holder finishes within its wait; one that finds it
// held longer is refused after its wait, or when its context ends.
func TestInflightWaitsForRoom(t *testing.T) {
	limit := webhook.NewInflight(1000, time.Second)
	holderDone, hold := make(chan error, 1), make(chan struct{})
	go limit.Wrap(reading(4<<20, holderDone, hold)).ServeHTTP(httptest.NewRecorder(), post(bytes.NewReader(make([]byte, 800)), 800))
	require.Eventually(t, func() bool { return limit.Held() == 800 }, 5*time.Second, time.Millisecond)

	waiterDone := make(chan error, 1)
	go limit.Wrap(reading(4<<20, waiterDone, nil)).ServeHTTP(httptest.NewRecorder(), post(bytes.NewReader(make([]byte, 500)), 500))
	time.Sleep(30 * time.Millisecond)
	select {
	case err := <-waiterDone:
		t.Fatalf("the waiter did not wait: %v", err)
	default:
	}
	close(hold)
	require.NoError(t, <-holderDone)
	assert.NoError(t, <-waiterDone, "room was given back within the wait")

	short := webhook.NewInflight(1000, 30*time.Millisecond)
	hold = make(chan struct{})
	defer close(hold)
	go short.Wrap(reading(4<<20, holderDone, hold)).ServeHTTP(httptest.NewRecorder(), post(bytes.NewReader(make([]byte, 800)), 800))
	require.Eventually(t, func() bool { return short.Held() == 800 }, 5*time.Second, time.Millisecond)
	start := time.Now()
	short.Wrap(reading(4<<20, waiterDone, nil)).ServeHTTP(httptest.NewRecorder(), post(bytes.NewReader(make([]byte, 500)), 500))
	assert.ErrorIs(t, <-waiterDone, webhook.ErrBusy)
	assert.GreaterOrEqual(t, time.Since(start), 30*time.Millisecond)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	limit = webhook.NewInflight(1000, time.Hour)
	hold2 := make(chan struct{})
	defer close(hold2)
	go limit.Wrap(reading(4<<20, holderDone, hold2)).ServeHTTP(httptest.NewRecorder(), post(bytes.NewReader(make([]byte, 800)), 800))
	require.Eventually(t, func() bool { return limit.Held() == 800 }, 5*time.Second, time.Millisecond)
	limit.Wrap(reading(4<<20, waiterDone, nil)).ServeHTTP(httptest.NewRecorder(), post(bytes.NewReader(make([]byte, 500)), 500).WithContext(ctx))
	err := <-waiterDone
	assert.ErrorIs(t, err, webhook.ErrBusy)
	assert.True(t, errors.Is(err, context.Canceled), "the error says the request went away: %v", err)
}

// TestInflightNestedCountsOnce: a body read under two wraps of one limit,
// or under two limits, is counted once, by the outermost.
func TestInflightNestedCountsOnce(t *testing.T) {
	outer, inner := webhook.NewInflight(1000, time.Second), webhook.NewInflight(1000, time.Second)
	done, hold := make(chan error, 1), make(chan struct{})
	go outer.Wrap(outer.Wrap(inner.Wrap(reading(4<<20, done, hold)))).ServeHTTP(httptest.NewRecorder(), post(bytes.NewReader(make([]byte, 600)), 600))
	require.Eventually(t, func() bool { return outer.Held() == 600 }, 5*time.Second, time.Millisecond)
	assert.Zero(t, inner.Held())
	close(hold)
	require.NoError(t, <-done)
	assert.Zero(t, outer.Held())
}

// TestInflightRefusesABodyLongerThanDeclared: a body that runs past its
// declared length (possible only for a handler called directly) is an
// error, not a read of bytes nobody reserved.
func TestInflightRefusesABodyLongerThanDeclared(t *testing.T) {
	limit := webhook.NewInflight(1000, time.Second)
	done := make(chan error, 1)
	limit.Wrap(reading(4<<20, done, nil)).ServeHTTP(httptest.NewRecorder(), post(bytes.NewReader(make([]byte, 600)), 500))
	assert.ErrorIs(t, <-done, webhook.ErrMalformed)
}

func TestBusyAnswer(t *testing.T) {
	w := httptest.NewRecorder()
	webhook.WriteError(w, webhook.StatusFor(webhook.ErrBusy), webhook.ErrBusy)
	assert.Equal(t, http.StatusServiceUnavailable, w.Code)
	assert.Equal(t, "1", w.Header().Get("Retry-After"))
	assert.JSONEq(t, `{"error":"busy: too many request bytes in flight, retry later"}`, w.Body.String())
}
