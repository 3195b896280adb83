package webhook

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"
)

// Inflight bounds the body bytes that all the requests it wraps hold at
// once, so that many large bodies sent together cannot exhaust memory. A
// request reserves its declared Content-Length before its body is read, or,
// for a body of unknown length, each chunk before reading it, and holds
// what it reserved until its handler returns. A request that finds no room
// waits until others give bytes back, for at most the wait given to
// NewInflight counted from its arrival, and is then refused with ErrBusy.
type Inflight struct {
	max  int64
	wait time.Duration

	mu    sync.Mutex
	held  int64
	freed chan struct{} // closed, and replaced, whenever bytes are given back
}

// NewInflight returns a limit of maxBytes (at least 1) held at once, whose
// requests wait at most wait for room.
func NewInflight(maxBytes int64, wait time.Duration) *Inflight {
	return &Inflight{max: max(maxBytes, 1), wait: wait, freed: make(chan struct{})}
}

// Held returns the bytes the requests hold now.
func (l *Inflight) Held() int64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.held
}

// Wrap returns h with every request reserving under l: ReadBody, in h or in
// any handler below it, reserves the body's bytes, and they are given back
// when h returns. Where limits nest, the outermost one applies.
func (l *Inflight) Wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if reservationFrom(r.Context()) != nil {
			h.ServeHTTP(w, r)
			return
		}
		res := &reservation{limit: l, deadline: time.Now().Add(l.wait)}
		defer res.giveBack()
		h.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), reservationKey{}, res)))
	})
}

// acquire reserves n bytes, waiting for room until deadline or until ctx
// is done.
func (l *Inflight) acquire(ctx context.Context, deadline time.Time, n int64) error {
	if n > l.max {
		return fmt.Errorf("%w: %d body bytes are more than the %d all requests may hold at once", ErrBusy, n, l.max)
	}
	var timeout <-chan time.Time
	for {
		l.mu.Lock()
		if l.held+n <= l.max {
			l.held += n
			l.mu.Unlock()
			return nil
		}
		freed := l.freed
		l.mu.Unlock()
		if timeout == nil {
			timer := time.NewTimer(time.Until(deadline))
			defer timer.Stop()
			timeout = timer.C
		}
		select {
		case <-freed:
		case <-timeout:
			return fmt.Errorf("%w: no room for %d more body bytes within %s", ErrBusy, n, l.wait)
		case <-ctx.Done():
			return fmt.Errorf("%w: %w", ErrBusy, ctx.Err())
		}
	}
}

func (l *Inflight) release(n int64) {
	if n == 0 {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.held -= n
	close(l.freed)
	l.freed = make(chan struct{})
}

// reservation is what one request holds under an Inflight. Only the
// request's own goroutine uses it.
type reservation struct {
	limit    *Inflight
	deadline time.Time
	held     int64
}

type reservationKey struct{}

func reservationFrom(ctx context.Context) *reservation {
	res, _ := ctx.Value(reservationKey{}).(*reservation)
	return res
}

func (res *reservation) reserve(ctx context.Context, n int64) error {
	if err := res.limit.acquire(ctx, res.deadline, n); err != nil {
		return err
	}
	res.held += n
	return nil
}

func (res *reservation) giveBack() {
	res.limit.release(res.held)
	res.held = 0
}

// WriteBusy answers a request refused with ErrBusy: 503 with Retry-After,
// sent at once, then the rest of its body read and thrown away (up to
// limit bytes, through a small buffer, holding nothing), because a client
// still sending a body the server stopped reading gets its connection
// reset and never sees the answer.
func WriteBusy(w http.ResponseWriter, r *http.Request, limit int64, err error) {
	WriteError(w, http.StatusServiceUnavailable, err)
	_ = http.NewResponseController(w).Flush()
	_, _ = io.Copy(io.Discard, http.MaxBytesReader(w, r.Body, limit))
}

// reserveChunk is the most a body of unknown length reads per reservation.
const reserveChunk = 64 << 10

var errLongerThanDeclared = errors.New("body longer than its Content-Length")

// reservingReader reads a body under a reservation, so that it never holds
// a byte it did not reserve: a body of declared length reserved it all up
// front and may not run past it; a body of unknown length reserves each
// chunk before reading it.
type reservingReader struct {
	ctx      context.Context
	r        io.Reader
	res      *reservation
	declared bool
	read     int64
	reserved int64
}

func (rr *reservingReader) Read(p []byte) (int, error) {
	if rr.declared {
		return rr.readDeclared(p)
	}
	if chunk := min(reserveChunk, rr.res.limit.max); int64(len(p)) > chunk {
		p = p[:chunk] // a chunk never asks for more than the whole limit
	}
	if more := rr.read + int64(len(p)) - rr.reserved; more > 0 {
		if err := rr.res.reserve(rr.ctx, more); err != nil {
			return 0, err
		}
		rr.reserved += more
	}
	n, err := rr.r.Read(p)
	rr.read += int64(n)
	return n, err
}

// readDeclared reads at most the reserved bytes; past them only the end of
// the body may come.
func (rr *reservingReader) readDeclared(p []byte) (int, error) {
	left := rr.reserved - rr.read
	if left == 0 {
		var probe [1]byte
		n, err := rr.r.Read(probe[:])
		if n > 0 {
			return 0, errLongerThanDeclared
		}
		return 0, err
	}
	n, err := rr.r.Read(p[:min(int64(len(p)), left)])
	rr.read += int64(n)
	return n, err
}
