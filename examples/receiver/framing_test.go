package main

import (
	"bufio"
	"bytes"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/lmshooks/lmshooks/internal/golden"
	"github.com/lmshooks/lmshooks/internal/hostile"
)

// TestAmbiguousFramingIsRefused sends, over raw TCP to the real server,
// every request whose length is ambiguous (Content-Length and
// Transfer-Encoding both): each is answered 400 and its connection closed,
// and the request hidden in its body is never served. De-duplication is off,
// so that a hidden copy of the good body would be printed again.
func TestAmbiguousFramingIsRefused(t *testing.T) {
	t.Parallel()
	var stdout safeBuffer
	addr := startRun(t, &stdout, io.Discard, "-store", "memory", "-dedup=false").addr
	body := golden.Read(t, "../../testdata/mcg/course_finish.json")
	printed := func() int { return strings.Count(stdout.String(), "\n") }
	hostile.RunWire(t, addr, hostile.FramingRows("/webhooks/mcg", body), printed)
}

// readerConn is a connection that only reads from r.
type readerConn struct {
	net.Conn
	r io.Reader
}

func (c readerConn) Read(p []byte) (int, error) { return c.r.Read(p) }

// FuzzFramingWatchFollowsNetHTTP reads any bytes as requests with net/http's
// parser through a framedConn, as the server does, one byte per read so
// that nothing is read ahead, and checks that the watch keeps step exactly:
// when net/http has read a request's header, the watch has ended the same
// number of headers and expects the same body length, until the first
// chunked request; and it flags only a chunked or an HTTP/1.0 request, never
// a plainly framed HTTP/1.1 one.
func FuzzFramingWatchFollowsNetHTTP(f *testing.F) {
	body := []byte(`{"Type":"course_finish","uniqueId":"a"}`)
	for _, row := range hostile.FramingRows("/webhooks/mcg", body) {
		f.Add([]byte(row.Raw))
	}
	f.Add([]byte("GET / HTTP/1.1\r\nHost: a\r\n\r\nPOST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabcGET / HTTP/1.1\r\nHost: a\r\n\r\n"))
	f.Add([]byte("\r\nPOST / HTTP/1.1\r\nHost: a\r\ncontent-length: 2\r\ncontent-length: 2\r\n\r\nabPOST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		fc := newFramedConn(readerConn{r: iotest.OneByteReader(bytes.NewReader(raw))})
		br := bufio.NewReader(fc)
		for i := 1; ; i++ {
			req, err := http.ReadRequest(br)
			if err != nil {
				return // the server answers 400 and closes
			}
			chunked := len(req.TransferEncoding) > 0
			fc.mu.Lock()
			watching, read, bodyLeft := fc.watching, fc.read, fc.bodyLeft
			fc.mu.Unlock()
			if read != i {
				t.Fatalf("request %d read, but the watch ended %d headers (watching %v)", i, read, watching)
			}
			if !chunked && req.ProtoAtLeast(1, 1) && (!watching || bodyLeft != max(req.ContentLength, 0)) {
				t.Fatalf("request %d has a body of %d bytes; the watch expects %d (watching %v)", i, req.ContentLength, bodyLeft, watching)
			}
			if fc.serveNext() && !chunked && req.ProtoAtLeast(1, 1) {
				t.Fatalf("request %d, framed by Content-Length alone, was flagged", i)
			}
			if chunked || !req.ProtoAtLeast(1, 1) {
				return // the server closes the connection after it
			}
			if _, err := io.Copy(io.Discard, req.Body); err != nil {
				return
			}
		}
	})
}
