package main

import (
	"bytes"
	"encoding/json"
	"io"
	"sync"

	"github.com/lmshooks/lmshooks/canonical"
)

// lineWriter prints canonical events as JSON lines. Each event is one Write
// of one whole line, under a lock, so that concurrent deliveries never
// interleave and every line is out before the handler answers.
type lineWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lineWriter) print(events []canonical.Event) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for i := range events {
		if err := events[i].Validate(); err != nil {
			return err
		}
		if err := enc.Encode(&events[i]); err != nil {
			return err
		}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	_, err := l.w.Write(buf.Bytes())
	return err
}
