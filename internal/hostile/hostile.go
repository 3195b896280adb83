// Package hostile is a test-only table of hostile requests that any lmshooks
// webhook handler must survive: malformed and oversized bodies, wrong types,
// duplicate keys, wrong methods and media types, bad credentials. Each row
// says the status it must get, and every row is followed by a good request
// that must still be delivered, so that a row cannot leave the handler
// broken. Only tests import this package.
//
// A vendor test describes its handler as a Target and calls Run (the table
// for JSON bodies plus the vendor's own rows, such as BasicAuthRows or
// SvixRows), BoundedMemory, Concurrent and Busy (the bytes-in-flight limit,
// which takes requests at once, so it is a check rather than a row).
//
// Duplicate keys are refused (400): signatures and ids are computed over
// bytes every JSON reader must read the same way, and "last one wins" is a
// parser differential. The rows "duplicate key, another value first" and
// "duplicate key, empty one last" check that on every required string
// field; the JSON rows add a repeated name spelled with an escape and one
// that differs only in case.
package hostile

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
)

// Target is the handler under test and what the table needs to know about it.
type Target struct {
	// Handler is the handler under test. Its callback must record every
	// event in Deliveries, and its logger must write to Log.
	Handler http.Handler
	// Body is a JSON body the handler delivers (a documented fixture).
	Body []byte
	// Request builds a POST of body that the handler accepts: its
	// Content-Type, credentials and signature (signed over body).
	Request func(body []byte) *http.Request
	// Deliveries counts the events handed to the callback.
	Deliveries *Deliveries
	// Log is what the handler logged.
	Log *Log
	// Required are the JSON paths of the fields the body must carry, dot
	// separated with array indexes as numbers ("data.user.id").
	Required []string
	// TextNumbers are the paths of numbers kept as their text (ids), which
	// accept a number of any size; every other number of the body must
	// reject one that overflows float64.
	TextNumbers []string
	// MaxBodyBytes is the handler's body limit; 0 means 4 MiB.
	MaxBodyBytes int64
	// Allow is the Allow header of a 405; empty means "POST".
	Allow string
	// Secrets are values (credentials, signatures) that must never appear
	// in a response or a log line.
	Secrets []string
}

func (t *Target) maxBodyBytes() int64 {
	if t.MaxBodyBytes > 0 {
		return t.MaxBodyBytes
	}
	return 4 << 20
}

func (t *Target) allow() string {
	if t.Allow != "" {
		return t.Allow
	}
	return http.MethodPost
}

// Deliveries counts the events a handler handed to its callback. It is safe
// for concurrent use; the zero value is ready.
type Deliveries struct {
	mu    sync.Mutex
	count int
	last  any
}

// Add records one delivered event.
func (d *Deliveries) Add(event any) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.count++
	d.last = event
}

// Count returns how many events were delivered.
func (d *Deliveries) Count() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.count
}

// Last returns the last event delivered.
func (d *Deliveries) Last() any {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.last
}

// Log collects a handler's log output. It is safe for concurrent use; the
// zero value is ready.
type Log struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

// Logger returns a logger that writes text lines to the Log.
func (l *Log) Logger() *slog.Logger {
	return slog.New(slog.NewTextHandler(l, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

// Write implements io.Writer.
func (l *Log) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

// String returns everything logged so far.
func (l *Log) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

var _ io.Writer = (*Log)(nil)

// Record returns a handler callback that adds every event to d.
func Record[E any](d *Deliveries) func(context.Context, E) error {
	return func(_ context.Context, event E) error {
		d.Add(event)
		return nil
	}
}

// PostJSON returns a Target.Request that posts the body to path with
// Content-Type application/json.
func PostJSON(path string) func(body []byte) *http.Request {
	return func(body []byte) *http.Request {
		r := httptest.NewRequest(http.MethodPost, path, bytes.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		return r
	}
}
