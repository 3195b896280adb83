package main

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"net"
	"net/http"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/internal/golden"
)

// needFiles makes sure the test process may open n more descriptors,
// raising RLIMIT_NOFILE when it must, and skips the test when it cannot.
func needFiles(t *testing.T, n uint64) {
	t.Helper()
	var lim syscall.Rlimit
	require.NoError(t, syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim))
	if lim.Cur >= n {
		return
	}
	if lim.Max < n {
		t.Skipf("needs %d open files, and RLIMIT_NOFILE's hard limit is %d (raise it with ulimit -Hn)", n, lim.Max)
	}
	lim.Cur = n
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		t.Skipf("needs %d open files and cannot raise RLIMIT_NOFILE: %v", n, err)
	}
}

// openIdle opens n keep-alive connections that each make one request (a
// GET, answered 405) and then stay idle; the test's cleanup closes them.
func openIdle(t *testing.T, addr string, n int) []net.Conn {
	t.Helper()
	conns := make([]net.Conn, n)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var failed []error
	const workers = 8
	for w := range workers {
		wg.Go(func() {
			for i := w; i < n; i += workers {
				c, err := net.Dial("tcp", addr)
				if err == nil {
					conns[i] = c
					err = oneRequest(c)
				}
				if err != nil {
					mu.Lock()
					failed = append(failed, err)
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	t.Cleanup(func() {
		for _, c := range conns {
			if c != nil {
				c.Close()
			}
		}
	})
	require.Empty(t, failed, "opening %d idle connections", n)
	return conns
}

// oneRequest sends a GET on c and reads its answer, leaving c open.
func oneRequest(c net.Conn) error {
	if _, err := io.WriteString(c, "GET /webhooks/mcg HTTP/1.1\r\nHost: receiver\r\n\r\n"); err != nil {
		return err
	}
	_ = c.SetReadDeadline(time.Now().Add(10 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		return err
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	_ = c.SetReadDeadline(time.Time{})
	if resp.StatusCode != http.StatusMethodNotAllowed {
		return errors.New(resp.Status)
	}
	return nil
}

// stillOpen counts the connections the server has not closed.
func stillOpen(conns []net.Conn) int {
	open := 0
	buf := make([]byte, 1)
	for _, c := range conns {
		_ = c.SetReadDeadline(time.Now().Add(time.Millisecond))
		_, err := c.Read(buf)
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			open++
		}
	}
	return open
}

// deliverOnce posts a documented MCG body on a new connection and returns
// the status and how long the answer took.
func deliverOnce(t *testing.T, addr string) (int, time.Duration) {
	t.Helper()
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}, Timeout: 10 * time.Second}
	start := time.Now()
	resp, err := client.Post("http://"+addr+"/webhooks/mcg", "application/json",
		bytes.NewReader(golden.Read(t, "../../testdata/mcg/course_finish.json")))
	require.NoError(t, err)
	resp.Body.Close()
	return resp.StatusCode, time.Since(start)
}

// TestIdleConnectionsYieldToADelivery: with 3000 idle keep-alive
// connections from one sender, the server keeps at most -max-conns (1024)
// open, closing the idle ones first, and a real delivery gets its 200
// within 2 s.
func TestIdleConnectionsYieldToADelivery(t *testing.T) {
	const idle = 3000
	needFiles(t, 2*idle+1024)
	var stdout safeBuffer
	addr := startRun(t, &stdout, io.Discard).addr
	conns := openIdle(t, addr, idle)

	open := stillOpen(conns)
	assert.LessOrEqual(t, open, 1024, "connections the server kept open")
	assert.Greater(t, open, 900, "the newest connections stay until room is needed")

	status, took := deliverOnce(t, addr)
	assert.Equal(t, http.StatusOK, status)
	assert.Less(t, took, 2*time.Second)
	assert.Contains(t, stdout.String(), `"type":"course.completed"`)
	t.Logf("%d idle connections: %d kept open; a delivery answered in %s", idle, open, took.Round(time.Millisecond))
}

// TestSlowHeaderSendersAtTheCap: when every connection is a sender that
// never finishes its headers, a real delivery still gets its 200 within 2 s
// (not after ReadHeaderTimeout, 5 s): the oldest slow sender past its grace
// is closed to make room.
func TestSlowHeaderSendersAtTheCap(t *testing.T) {
	const maxConns = 64
	var stdout safeBuffer
	addr := startRun(t, &stdout, io.Discard, "-max-conns", "64").addr
	slow := make([]net.Conn, maxConns)
	for i := range slow {
		c, err := net.Dial("tcp", addr)
		require.NoError(t, err)
		t.Cleanup(func() { c.Close() })
		_, err = io.WriteString(c, "POST /webhooks/mcg HTTP/1.1\r\nHost: receiver\r\n")
		require.NoError(t, err)
		slow[i] = c
	}
	time.Sleep(100 * time.Millisecond) // all accepted, all still sending headers

	status, took := deliverOnce(t, addr)
	assert.Equal(t, http.StatusOK, status)
	assert.Less(t, took, 2*time.Second)
	assert.Contains(t, stdout.String(), `"type":"course.completed"`)
	assert.Less(t, stillOpen(slow), maxConns, "a slow sender made room")
	t.Logf("%d slow-header senders at the cap: a delivery answered in %s", maxConns, took.Round(time.Millisecond))
}

// TestMaxConnsFlag: the cap must be at least 1.
func TestMaxConnsFlag(t *testing.T) {
	cfg := defaultConfig(t)
	assert.Equal(t, 1024, cfg.maxConns)
	_, err := parseFlags([]string{"-max-conns", "0"}, io.Discard)
	assert.ErrorContains(t, err, "-max-conns must be at least 1")
	_, err = parseFlags([]string{"-write-timeout", "0s"}, io.Discard)
	assert.ErrorContains(t, err, "-write-timeout must be positive")
	assert.Less(t, defaultTimeouts.idle, 120*time.Second, "idle keep-alive connections live shorter than the 120 s they had")
}

// TestSlowBodySendersAtTheCap: when every connection is a sender that sent
// its headers and trickles its body, a real delivery gets its 200 after
// slowBodyGrace (2 s), not after ReadTimeout (30 s): the body arriving the
// longest is cut off to make room.
func TestSlowBodySendersAtTheCap(t *testing.T) {
	const maxConns = 32
	var stdout safeBuffer
	addr := startRun(t, &stdout, io.Discard, "-max-conns", "32").addr
	slow := make([]net.Conn, maxConns)
	for i := range slow {
		c, err := net.Dial("tcp", addr)
		require.NoError(t, err)
		t.Cleanup(func() { c.Close() })
		_, err = io.WriteString(c, "POST /webhooks/mcg HTTP/1.1\r\nHost: receiver\r\nContent-Type: application/json\r\n"+
			"Content-Length: 100000\r\n\r\n{")
		require.NoError(t, err)
		slow[i] = c
	}
	time.Sleep(100 * time.Millisecond) // all accepted, all reading their bodies

	status, took := deliverOnce(t, addr)
	assert.Equal(t, http.StatusOK, status)
	assert.Less(t, took, slowBodyGrace+2*time.Second)
	assert.Contains(t, stdout.String(), `"type":"course.completed"`)
	assert.Less(t, stillOpen(slow), maxConns, "a slow body made room")
	t.Logf("%d slow-body senders at the cap: a delivery answered in %s", maxConns, took.Round(time.Millisecond))
}
