package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/internal/golden"
)

// safeBuffer is a bytes.Buffer that the server and the test may use at once.
type safeBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *safeBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *safeBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// runningServer is the real server (run) started by a test.
type runningServer struct {
	addr string
	stop context.CancelFunc // what SIGINT does
	done chan struct{}      // closed when run has returned
	err  error              // what run returned, once done is closed
}

// startRun starts run on a free port, with any further flags; the test's
// cleanup stops it.
func startRun(t *testing.T, stdout, stderr io.Writer, flags ...string) *runningServer {
	t.Helper()
	return startRunContext(context.Background(), t, stdout, stderr, flags...)
}

// startRunContext is startRun with run's context derived from parent.
func startRunContext(parent context.Context, t testing.TB, stdout, stderr io.Writer, flags ...string) *runningServer {
	t.Helper()
	ctx, cancel := context.WithCancel(parent)
	s := &runningServer{stop: cancel, done: make(chan struct{})}
	ready := make(chan string, 1)
	go func() {
		defer close(s.done)
		s.err = run(ctx, append([]string{"-addr", "127.0.0.1:0", "-store", filepath.Join(t.TempDir(), "lmshooks.db")}, flags...), stdout, stderr, ready)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-s.done:
		case <-time.After(15 * time.Second):
			t.Error("server did not stop")
		}
	})
	select {
	case s.addr = <-ready:
	case <-s.done:
		t.Fatalf("run returned early: %v", s.err)
	case <-time.After(10 * time.Second):
		t.Fatal("server did not start")
	}
	return s
}

// trickle sends first, then one more byte every interval, and returns how
// long the server took to close the connection; it gives up after giveUp.
func trickle(t *testing.T, addr, first string, interval, giveUp time.Duration) time.Duration {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	require.NoError(t, err)
	defer conn.Close()
	start := time.Now()
	closed := make(chan time.Duration, 1)
	go func() {
		_, _ = io.Copy(io.Discard, conn) // returns when the server closes the connection
		closed <- time.Since(start)
	}()
	_, err = io.WriteString(conn, first)
	require.NoError(t, err)
	tick := time.NewTicker(interval)
	defer tick.Stop()
	for {
		select {
		case after := <-closed:
			return after
		case <-tick.C:
			if time.Since(start) > giveUp {
				t.Fatalf("a client sending a byte every %s was still connected after %s", interval, giveUp)
			}
			// A write error means the server is gone; the reader reports when.
			_, _ = io.WriteString(conn, "X")
		}
	}
}

// TestSlowSenderIsCutOff: a client that sends its headers a byte at a time
// (slowloris) is disconnected once ReadHeaderTimeout (5 s) has passed,
// however steadily it keeps sending.
func TestSlowSenderIsCutOff(t *testing.T) {
	t.Parallel()
	addr := startRun(t, io.Discard, io.Discard).addr
	after := trickle(t, addr, "POST /webhooks/mcg HTTP/1.1\r\nHost: receiver\r\n", 200*time.Millisecond, 12*time.Second)
	assert.GreaterOrEqual(t, after, 4*time.Second, "cut off before ReadHeaderTimeout")
	t.Logf("slow sender cut off after %s", after.Round(100*time.Millisecond))
}

// TestSlowBodyIsCutOff: a client that sends its headers at once and then
// its body a byte at a time is cut off once ReadTimeout has passed. The
// receiver's own server is used with ReadTimeout shortened to 2 s, so that
// the test does not wait the real 30 s.
func TestSlowBodyIsCutOff(t *testing.T) {
	t.Parallel()
	require.Equal(t, 30*time.Second, defaultTimeouts.read, "the receiver's ReadTimeout")
	var stdout safeBuffer
	cfg := defaultConfig(t)
	short := defaultTimeouts
	short.read = 2 * time.Second
	srv := newServer(newMux(cfg, newDeliver(cfg, &stdout), slog.New(slog.DiscardHandler)), slog.New(slog.DiscardHandler), short)
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	go func() { _ = srv.Serve(listener) }()
	t.Cleanup(func() { _ = srv.Close() })

	after := trickle(t, listener.Addr().String(), "POST /webhooks/mcg HTTP/1.1\r\nHost: receiver\r\nContent-Type: application/json\r\n"+
		"Content-Length: 100000\r\n\r\n{", 200*time.Millisecond, 10*time.Second)
	assert.GreaterOrEqual(t, after, 1900*time.Millisecond, "cut off before ReadTimeout")
	assert.Empty(t, stdout.String())
	t.Logf("slow body cut off after %s", after.Round(100*time.Millisecond))
}

// TestHugeHeadersAreRefused: headers over MaxHeaderBytes (64 KiB) get 431.
func TestHugeHeadersAreRefused(t *testing.T) {
	t.Parallel()
	addr := startRun(t, io.Discard, io.Discard).addr
	req, err := http.NewRequest(http.MethodPost, "http://"+addr+"/webhooks/mcg", strings.NewReader("{}"))
	require.NoError(t, err)
	req.Header.Set("X-Padding", strings.Repeat("p", 128<<10))
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusRequestHeaderFieldsTooLarge, resp.StatusCode)
}

// TestShutdownDrainsRequestsInFlight: a delivery whose body is still
// arriving when the server is told to stop is finished, answered 200 and
// printed, and only then does run return.
func TestShutdownDrainsRequestsInFlight(t *testing.T) {
	t.Parallel()
	var stdout, stderr safeBuffer
	srv := startRun(t, &stdout, &stderr)
	body := golden.Read(t, "../../testdata/mcg/course_finish.json")

	conn, err := net.Dial("tcp", srv.addr)
	require.NoError(t, err)
	defer conn.Close()
	_, err = fmt.Fprintf(conn, "POST /webhooks/mcg HTTP/1.1\r\nHost: receiver\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", len(body))
	require.NoError(t, err)
	half := len(body) / 2
	_, err = conn.Write(body[:half])
	require.NoError(t, err)
	time.Sleep(200 * time.Millisecond) // the server is now reading the body

	srv.stop()
	select {
	case <-srv.done:
		t.Fatalf("run returned with a request in flight: %v", srv.err)
	case <-time.After(500 * time.Millisecond):
	}
	newConn, err := net.DialTimeout("tcp", srv.addr, time.Second)
	if err == nil {
		newConn.Close()
		t.Error("the server still accepts connections while shutting down")
	}

	_, err = conn.Write(body[half:])
	require.NoError(t, err)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode, "the request in flight is answered")
	select {
	case <-srv.done:
		require.NoError(t, srv.err)
	case <-time.After(15 * time.Second):
		t.Fatal("run did not return after the last request")
	}
	assert.Contains(t, stdout.String(), `"type":"course.completed"`, "the drained request's event is printed")
	assert.Contains(t, stderr.String(), "shutting down")
}
