package main

import (
	"bytes"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
)

// A request with both Content-Length and Transfer-Encoding is how a request
// is smuggled past a proxy that frames by the other header (RFC 9112 §6.3
// and §11.2). net/http frames it by Transfer-Encoding and deletes both
// headers before a handler sees the request, so the handler cannot tell it
// from a plain chunked one. framedConn therefore reads the raw header lines
// as net/http reads them, and ambiguousFraming answers such a request 400
// and closes the connection, so that whatever its body hides is never
// served.
//
// The watch follows requests framed by Content-Length (or with no body) one
// after another. It stops at the first request with Transfer-Encoding, whose
// chunked body it does not parse, and the connection is closed after that
// request's answer: a chunked sender loses keep-alive, nothing else.

// maxWatchedLine bounds the header line framedConn keeps; a longer one is
// refused by net/http (MaxHeaderBytes), so watching stops there.
const maxWatchedLine = 64 << 10

// framedConn watches the header lines of the requests read from it.
type framedConn struct {
	net.Conn

	mu sync.Mutex
	// watching is false once a request with Transfer-Encoding (or one
	// net/http will refuse) has been seen: the byte offsets of later
	// requests are unknown.
	watching bool
	inHeader bool  // reading a header block, not a body
	bodyLeft int64 // body bytes of the current request still to come
	line     []byte
	first    bool // the next header line is the request line
	// Of the current header block:
	requestLine          string
	sawLength, sawCoding bool
	// read counts the header blocks read; served counts the requests
	// handed to the handler. net/http serves a connection's requests in
	// order, and every one it reads reaches the handler or closes the
	// connection, so the two count the same requests.
	read, served int
	// ambiguous is the number (in read) of the request that sent both
	// headers (or Transfer-Encoding in HTTP/1.0); 0 when none did.
	ambiguous int
}

func newFramedConn(c net.Conn) *framedConn {
	return &framedConn{Conn: c, watching: true, inHeader: true, first: true}
}

// Read reads and watches what it read.
func (c *framedConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	if n > 0 {
		c.mu.Lock()
		c.watch(p[:n])
		c.mu.Unlock()
	}
	return n, err
}

// watch advances the header watch over bytes read. Call it with mu held.
func (c *framedConn) watch(b []byte) {
	for len(b) > 0 && c.watching {
		if !c.inHeader {
			skip := min(int64(len(b)), c.bodyLeft)
			b, c.bodyLeft = b[skip:], c.bodyLeft-skip
			if c.bodyLeft == 0 {
				c.inHeader, c.first = true, true
			}
			continue
		}
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			c.line = append(c.line, b...)
			if len(c.line) > maxWatchedLine {
				c.watching = false
			}
			return
		}
		c.line = append(c.line, b[:i]...)
		b = b[i+1:]
		c.headerLine(bytes.TrimSuffix(c.line, []byte("\r")))
		c.line = c.line[:0]
		if cap(c.line) > 4<<10 {
			c.line = nil // do not keep a long line's buffer for the connection's life
		}
	}
}

// headerLine handles one complete line of a header block.
func (c *framedConn) headerLine(line []byte) {
	switch {
	case c.first && len(line) == 0:
		return // an empty line before a request line carries nothing
	case c.first:
		c.requestLine, c.first = string(line), false
		c.sawLength, c.sawCoding, c.bodyLeft = false, false, 0
		return
	case len(line) == 0:
		c.endOfHeader()
		return
	}
	name, value, ok := bytes.Cut(line, []byte(":"))
	if !ok {
		return // a continuation or a malformed line; net/http decides
	}
	switch {
	case bytes.EqualFold(name, []byte("Content-Length")):
		n, err := strconv.ParseInt(string(bytes.TrimSpace(value)), 10, 64)
		if err != nil || n < 0 || (c.sawLength && n != c.bodyLeft) {
			c.watching = false // net/http refuses it and closes the connection
			return
		}
		c.sawLength, c.bodyLeft = true, n
	case bytes.EqualFold(name, []byte("Transfer-Encoding")):
		c.sawCoding = true
	}
}

// endOfHeader ends a header block: its body follows.
func (c *framedConn) endOfHeader() {
	c.read++
	if c.sawCoding {
		if c.sawLength || strings.HasSuffix(c.requestLine, " HTTP/1.0") {
			c.ambiguous = c.read
		}
		c.watching = false
		return
	}
	if c.bodyLeft == 0 {
		c.first = true
		return
	}
	c.inHeader = false
}

// serveNext counts a request handed to the handler and reports whether it
// is the one that sent both framing headers.
func (c *framedConn) serveNext() (ambiguous bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.served++
	return c.served == c.ambiguous
}

// framedListener wraps every accepted connection in a framedConn.
type framedListener struct{ net.Listener }

// Accept accepts and wraps.
func (l framedListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return newFramedConn(c), nil
}

// ambiguousFraming answers 400 and closes the connection for a request that
// sent both Content-Length and Transfer-Encoding (or Transfer-Encoding in
// HTTP/1.0, whose framing RFC 9112 §6.1 calls faulty), and closes the
// connection after any chunked request, whose end framedConn cannot follow.
func ambiguousFraming(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if fc, ok := connOf[*framedConn](r.Context()); ok && fc.serveNext() {
			w.Header().Set("Connection", "close")
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusBadRequest)
			_, _ = w.Write([]byte(`{"error":"the request's length is ambiguous: Content-Length and Transfer-Encoding both sent, or Transfer-Encoding in HTTP/1.0"}` + "\n"))
			return
		}
		if len(r.TransferEncoding) > 0 {
			w.Header().Set("Connection", "close")
		}
		next.ServeHTTP(w, r)
	})
}
