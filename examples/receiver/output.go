package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/lmshooks/lmshooks/canonical"
)

// Output formats, chosen with -format.
const (
	formatCanonical   = "canonical"
	formatCloudEvents = "cloudevents"
)

// errStdoutDevNull is why the receiver refuses to start with stdout on
// /dev/null: every event would be answered 200 and thrown away.
var errStdoutDevNull = errors.New("stdout is /dev/null (closed at start, which Go reopens as /dev/null, or redirected there): " +
	"every event would be answered 200 and lost; send stdout to a file or a pipe")

// errStdoutReaderGone is why the receiver stops when stdout is a pipe whose
// reader has gone: nothing can be printed any more. (Go's own stdout would
// kill the process with SIGPIPE; the receiver shuts down instead, answering
// what is in flight 500.)
var errStdoutReaderGone = errors.New("stdout: broken pipe, its reader is gone")

// readerGone returns a channel closed once out can never be written again
// (a pipe whose reader has gone); nil, which never fires, for other outputs.
func readerGone(out lineOutput) <-chan struct{} {
	if g, ok := out.(interface{ gone() <-chan struct{} }); ok {
		return g.gone()
	}
	return nil
}

// lineWriter prints events as JSON lines: the canonical event, or its
// CloudEvents structured form. The output writes each line whole or not at
// all, one at a time, and before the handler answers.
type lineWriter struct {
	out    lineOutput
	format string
}

// lineOutput writes one whole line, or nothing, within ctx: an error means
// the line is not in the output and will not appear in it later (except
// where an output says otherwise), so the event may be answered 5xx.
type lineOutput interface {
	writeLine(ctx context.Context, line []byte) error
}

// print writes one event as one line. It has the shape of a canonical
// callback, so that canonical.Deduplicate can wrap it.
func (l *lineWriter) print(ctx context.Context, e canonical.Event) error {
	var line []byte
	var err error
	if l.format == formatCloudEvents {
		line, err = encodeCloudEvent(e)
	} else {
		line, err = encodeCanonical(e)
	}
	if err != nil {
		return err
	}
	if err := l.out.writeLine(ctx, line); err != nil {
		return fmt.Errorf("printing event %s: %w", e.ID, err)
	}
	return nil
}

// encodeCloudEvent is the CloudEvents structured form of e as one line.
func encodeCloudEvent(e canonical.Event) ([]byte, error) {
	if err := e.Validate(); err != nil {
		return nil, err
	}
	ce, err := e.ToCloudEvent()
	if err != nil {
		return nil, err
	}
	return encodeLine(ce, e.ID, 0)
}

// encodeLine is v as one JSON line, HTML characters unescaped.
func encodeLine(v any, id string, size int) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(size)
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("encoding event %s: %w", id, err)
	}
	return buf.Bytes(), nil
}

// newOutput chooses how lines reach w: a regular file is rolled back after a
// failed write, a pipe is written without blocking, anything else (a
// terminal, a socket, a test's buffer) is written as it comes. It refuses
// /dev/null. The returned function undoes what newOutput changed on w.
func newOutput(w io.Writer) (lineOutput, func(), error) {
	f, ok := w.(*os.File)
	if !ok {
		return &writerOutput{w: w, lock: newCtxLock()}, func() {}, nil
	}
	info, err := f.Stat()
	if err != nil {
		return nil, nil, fmt.Errorf("stdout: %w", err)
	}
	if null, err := os.Stat(os.DevNull); err == nil && os.SameFile(info, null) {
		return nil, nil, errStdoutDevNull
	}
	switch {
	case info.Mode().IsRegular():
		return newFileOutput(f), func() {}, nil
	case info.Mode()&os.ModeNamedPipe != 0:
		return newPipeOutput(f)
	}
	return &writerOutput{w: f, lock: newCtxLock()}, func() {}, nil
}

// writerOutput writes to any writer. A Write cannot be interrupted, so a
// writer that blocks holds its request; the others give up when their
// context ends, unwritten.
// writerLines is the output for a plain writer (a test's buffer).
func writerLines(w io.Writer) lineOutput { return &writerOutput{w: w, lock: newCtxLock()} }

type writerOutput struct {
	w    io.Writer
	lock ctxLock
}

func (o *writerOutput) writeLine(ctx context.Context, line []byte) error {
	if err := o.lock.lock(ctx); err != nil {
		return err
	}
	defer o.lock.unlock()
	_, err := o.w.Write(line)
	return err
}

// ctxLock is a mutex whose waiters give up when their context ends.
type ctxLock chan struct{}

func newCtxLock() ctxLock { return make(ctxLock, 1) }

func (l ctxLock) lock(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	select {
	case l <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (l ctxLock) unlock() { <-l }
