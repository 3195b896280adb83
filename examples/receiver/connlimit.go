package main

import (
	"io"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// newConnGrace is how long a new connection may take to send its first
// request's headers before, at the connection cap, it may be closed to make
// room. A real sender's headers arrive within one round trip; a slow-header
// sender (slowloris) is cut off anyway after ReadHeaderTimeout.
const newConnGrace = time.Second

// slowBodyGrace is how long a request's body may take to arrive before, at
// the connection cap, its connection may be closed to make room. A webhook
// body of a few KiB arrives within a round trip, 4 MiB in about 3 s at
// 10 Mbit/s; a slow-body sender is cut off anyway after ReadTimeout (30 s).
const slowBodyGrace = 2 * time.Second

// connLimiter is a listener that keeps at most max connections open. At the
// cap it makes room before accepting another: it closes the connection idle
// the longest (a keep-alive connection waiting for its next request), else
// the oldest one still sending its first headers after newConnGrace, else
// the one whose body has been arriving the longest, past slowBodyGrace. A
// connection whose request has arrived and is being served is never
// closed; when every connection is one of those, accepting waits (the
// kernel's listen backlog holds newcomers) until one ends. So one sender's
// idle or slow connections cannot keep a real delivery out.
//
// Its track method must be the http.Server's ConnState hook.
type connLimiter struct {
	net.Listener
	max    int
	logger *slog.Logger

	mu       sync.Mutex
	conns    map[*limitedConn]connState
	changed  chan struct{} // a token when a connection closed or went idle
	closed   chan struct{} // closed by Close
	closeErr error
	once     sync.Once

	evicted   int       // connections closed to make room since lastLog
	lastLog   time.Time // when the cap was last reported
	logPeriod time.Duration
}

// connState is what the limiter knows of one open connection.
type connState struct {
	state http.ConnState
	since time.Time // when it entered state
}

// limitConns wraps l so that at most max connections are open at once, and
// installs the hook that tells it each connection's state on srv.
func limitConns(l net.Listener, max int, srv *http.Server, logger *slog.Logger) *connLimiter {
	cl := &connLimiter{
		Listener:  l,
		max:       max,
		logger:    logger,
		conns:     make(map[*limitedConn]connState, max),
		changed:   make(chan struct{}, 1),
		closed:    make(chan struct{}),
		logPeriod: time.Minute,
	}
	srv.ConnState = cl.track
	return cl
}

// Accept makes room when the cap is reached, then accepts.
func (l *connLimiter) Accept() (net.Conn, error) {
	if err := l.makeRoom(); err != nil {
		return nil, err
	}
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	lc := &limitedConn{Conn: c, limiter: l}
	l.mu.Lock()
	l.conns[lc] = connState{state: http.StateNew, since: time.Now()}
	l.mu.Unlock()
	return lc, nil
}

// makeRoom returns once fewer than max connections are open, closing an
// idle, stale new or slow-body one when it can and waiting otherwise.
func (l *connLimiter) makeRoom() error {
	for {
		l.mu.Lock()
		if len(l.conns) < l.max {
			l.mu.Unlock()
			return nil
		}
		victim, wait := l.pickVictim(time.Now())
		l.mu.Unlock()
		if victim != nil {
			_ = victim.Close() // removes it from conns
			l.noteEviction()
			continue
		}
		timer := time.NewTimer(wait)
		select {
		case <-l.changed:
		case <-timer.C:
		case <-l.closed:
			timer.Stop()
			return net.ErrClosed
		}
		timer.Stop()
	}
}

// pickVictim returns the connection to close to make room: the one idle
// the longest, else the oldest new one past newConnGrace, else the slowest
// body past slowBodyGrace. With none, it says how long to wait before one
// passes its grace (at most a second). Call it with mu held.
func (l *connLimiter) pickVictim(now time.Time) (*limitedConn, time.Duration) {
	var idle, fresh, slow *limitedConn
	var idleSince, freshSince, slowSince time.Time
	for c, s := range l.conns {
		switch s.state {
		case http.StateIdle:
			if idle == nil || s.since.Before(idleSince) {
				idle, idleSince = c, s.since
			}
		case http.StateNew:
			if fresh == nil || s.since.Before(freshSince) {
				fresh, freshSince = c, s.since
			}
		case http.StateActive:
			if since, ok := c.bodyArriving(); ok && (slow == nil || since.Before(slowSince)) {
				slow, slowSince = c, since
			}
		}
	}
	if idle != nil {
		return idle, 0
	}
	wait := time.Second
	if fresh != nil {
		if left := newConnGrace - now.Sub(freshSince); left > 0 {
			wait = min(wait, left)
		} else {
			return fresh, 0
		}
	}
	if slow != nil {
		if left := slowBodyGrace - now.Sub(slowSince); left > 0 {
			wait = min(wait, left)
		} else {
			return slow, 0
		}
	}
	return nil, wait
}

// noteEviction counts a connection closed to make room and logs the count
// at most once per logPeriod, so that a flood cannot flood the log.
func (l *connLimiter) noteEviction() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.evicted++
	if now := time.Now(); now.Sub(l.lastLog) >= l.logPeriod {
		l.logger.Warn("at the connection cap: closed idle or slow connections to make room",
			"max_conns", l.max, "closed", l.evicted)
		l.evicted, l.lastLog = 0, now
	}
}

// track is the http.Server's ConnState hook.
func (l *connLimiter) track(c net.Conn, state http.ConnState) {
	lc, ok := c.(*limitedConn)
	if !ok {
		return
	}
	switch state {
	case http.StateClosed, http.StateHijacked:
		l.release(lc)
		return
	}
	l.mu.Lock()
	if _, open := l.conns[lc]; open {
		l.conns[lc] = connState{state: state, since: time.Now()}
	}
	l.mu.Unlock()
	if state == http.StateIdle {
		l.signal()
	}
}

// release forgets a closed connection.
func (l *connLimiter) release(c *limitedConn) {
	l.mu.Lock()
	delete(l.conns, c)
	l.mu.Unlock()
	l.signal()
}

// signal wakes a waiting makeRoom without blocking.
func (l *connLimiter) signal() {
	select {
	case l.changed <- struct{}{}:
	default:
	}
}

// open returns how many connections are open.
func (l *connLimiter) open() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.conns)
}

// Close stops accepting and wakes a waiting Accept.
func (l *connLimiter) Close() error {
	l.once.Do(func() {
		close(l.closed)
		l.closeErr = l.Listener.Close()
	})
	return l.closeErr
}

// limitedConn is an accepted connection that frees its slot when closed.
type limitedConn struct {
	net.Conn
	limiter *connLimiter
	once    sync.Once
	err     error
	// bodySince is when a handler began on a request whose body has not
	// all arrived (UnixNano); 0 when there is none. See watchBodies.
	bodySince atomic.Int64
}

// bodyArriving reports whether the connection's request body is still
// arriving, and since when.
func (c *limitedConn) bodyArriving() (time.Time, bool) {
	since := c.bodySince.Load()
	return time.Unix(0, since), since != 0
}

// watchBodies marks each request's connection from the start of its
// handler until its body has been read to the end, so that at the cap a
// slow body can be told from a request being served.
func watchBodies(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		lc, ok := connOf[*limitedConn](r.Context())
		if !ok || r.Body == nil || r.Body == http.NoBody {
			next.ServeHTTP(w, r)
			return
		}
		lc.bodySince.Store(time.Now().UnixNano())
		defer lc.bodySince.Store(0)
		r.Body = &bodyEndWatch{ReadCloser: r.Body, conn: lc}
		next.ServeHTTP(w, r)
	})
}

// bodyEndWatch clears its connection's bodySince when the body ends.
type bodyEndWatch struct {
	io.ReadCloser
	conn *limitedConn
}

func (b *bodyEndWatch) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if err != nil {
		b.conn.bodySince.Store(0)
	}
	return n, err
}

// Close closes the connection once and frees its slot.
func (c *limitedConn) Close() error {
	c.once.Do(func() {
		c.err = c.Conn.Close()
		c.limiter.release(c)
	})
	return c.err
}

// NetConn returns the wrapped connection, as tls.Conn's does.
func (c *limitedConn) NetConn() net.Conn { return c.Conn }
