package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sync"

	"github.com/lmshooks/lmshooks/canonical"
)

// Output formats, chosen with -format.
const (
	formatCanonical   = "canonical"
	formatCloudEvents = "cloudevents"
)

// lineWriter prints events as JSON lines: the canonical event, or its
// CloudEvents structured form. Each line is one Write under a lock, so that
// concurrent deliveries never interleave and every line is out before the
// handler answers.
type lineWriter struct {
	mu     sync.Mutex
	w      io.Writer
	format string
}

// print writes one event as one line. It has the shape of a canonical
// callback, so that canonical.Deduplicate can wrap it.
func (l *lineWriter) print(_ context.Context, e canonical.Event) error {
	if err := e.Validate(); err != nil {
		return err
	}
	var v any = &e
	if l.format == formatCloudEvents {
		ce, err := e.ToCloudEvent()
		if err != nil {
			return err
		}
		v = ce
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("encoding event %s: %w", e.ID, err)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	_, err := l.w.Write(buf.Bytes())
	return err
}
