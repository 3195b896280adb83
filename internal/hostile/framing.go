package hostile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// WireRow is a hostile request written as raw bytes on one connection to a
// real server: what is a request, and where it ends, is decided by the
// server's HTTP parsing before any handler runs (request smuggling), so
// these rows cannot go through a Target's handler.
type WireRow struct {
	Name string
	// Raw is everything written on the connection.
	Raw string
	// Statuses are the answers the connection must get, in order, and no
	// more: a request hidden in a body must never be answered.
	Statuses []int
	// Delivered is how many events the connection must deliver.
	Delivered int
}

// FramingRows are the requests whose length is ambiguous: Content-Length
// and Transfer-Encoding both sent (RFC 9112 §6.3), each with a second
// request hidden where a server trusting the other header would find it.
// body is a JSON body that path delivers as one event. Every row's
// connection must be closed after its last answer.
func FramingRows(path string, body []byte) []WireRow {
	good := func(proto string) string {
		return fmt.Sprintf("POST %s %s\r\nHost: receiver\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s",
			path, proto, len(body), body)
	}
	hidden := good("HTTP/1.1")
	// chunked is the good body as one chunk, the chunked body's end, and
	// the hidden request: each row's own body is a good one, so that only
	// refusing the request itself keeps its event out.
	chunked := fmt.Sprintf("%x\r\n%s\r\n0\r\n\r\n", len(body), body) + hidden
	header := func(requestLine string, headers ...string) string {
		return requestLine + "\r\nHost: receiver\r\nContent-Type: application/json\r\n" +
			strings.Join(headers, "\r\n") + "\r\n\r\n"
	}
	// both sends the headers in order, with a Content-Length covering the
	// whole of chunked, as a proxy framing by Content-Length forwards it.
	both := func(requestLine string, headers ...string) string {
		return header(requestLine, headers...) + chunked
	}
	length := fmt.Sprintf("Content-Length: %d", len(chunked))
	post := "POST " + path + " HTTP/1.1"
	bad := []int{http.StatusBadRequest}
	return []WireRow{
		{Name: "Content-Length then Transfer-Encoding", Raw: both(post, length, "Transfer-Encoding: chunked"), Statuses: bad},
		{Name: "Transfer-Encoding then Content-Length", Raw: both(post, "Transfer-Encoding: chunked", length), Statuses: bad},
		{Name: "Transfer-Encoding in upper case", Raw: both(post, "TRANSFER-ENCODING: CHUNKED", strings.ToLower(length)), Statuses: bad},
		{Name: "Content-Length 0 and Transfer-Encoding", Raw: both(post, "Content-Length: 0", "Transfer-Encoding: chunked"), Statuses: bad},
		// HTTP/1.0 is framed by Content-Length, which here ends before the
		// hidden request: a proxy framing by Transfer-Encoding would not.
		{Name: "HTTP/1.0 with both", Raw: header("POST "+path+" HTTP/1.0", fmt.Sprintf("Content-Length: %d", len(body)),
			"Transfer-Encoding: chunked") + string(body) + hidden, Statuses: bad},
		{Name: "OPTIONS * with both", Raw: both("OPTIONS * HTTP/1.1", length, "Transfer-Encoding: chunked"), Statuses: bad},
		{Name: "a good request, then one with both, pipelined", Raw: good("HTTP/1.1") + both(post, length, "Transfer-Encoding: chunked"),
			Statuses: []int{http.StatusOK, http.StatusBadRequest}, Delivered: 1},
		{Name: "two Transfer-Encoding headers", Raw: both(post, length, "Transfer-Encoding: chunked", "Transfer-Encoding: chunked"),
			Statuses: []int{http.StatusNotImplemented}},
		{Name: "Transfer-Encoding gzip, chunked", Raw: both(post, length, "Transfer-Encoding: gzip, chunked"),
			Statuses: []int{http.StatusNotImplemented}},
		{Name: "two different Content-Lengths", Raw: both(post, length, "Content-Length: 5"), Statuses: bad},
		// Not ambiguous, but where a chunked body ends is known only to the
		// server's parser, so the connection closes after it.
		{Name: "chunked alone, then a request after its end", Raw: header(post, "Transfer-Encoding: chunked") + chunked,
			Statuses: []int{http.StatusOK}, Delivered: 1},
	}
}

// RunWire writes every row on its own connection to addr and checks the
// answers, that the connection is then closed, and how many events were
// delivered, as delivered (a count that only grows) reports them.
func RunWire(t *testing.T, addr string, rows []WireRow, delivered func() int) {
	t.Helper()
	for _, row := range rows {
		t.Run(row.Name, func(t *testing.T) {
			before := delivered()
			statuses, closed, err := sendWire(addr, row.Raw)
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(statuses) != fmt.Sprint(row.Statuses) {
				t.Errorf("answered %v, want %v", statuses, row.Statuses)
			}
			if !closed {
				t.Error("the connection was left open after the last answer")
			}
			if got := delivered() - before; got != row.Delivered {
				t.Errorf("delivered %d events, want %d", got, row.Delivered)
			}
		})
	}
}

// wireWait is how long sendWire waits for another answer or the close.
const wireWait = 3 * time.Second

// sendWire writes raw on a new connection and reads answers until the
// server closes it (closed) or stays silent for wireWait.
func sendWire(addr, raw string) (statuses []int, closed bool, err error) {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, false, err
	}
	defer c.Close()
	if _, err := io.WriteString(c, raw); err != nil {
		return nil, false, err
	}
	r := bufio.NewReader(c)
	for {
		_ = c.SetReadDeadline(time.Now().Add(wireWait))
		resp, err := http.ReadResponse(r, nil)
		var ne net.Error
		switch {
		case errors.As(err, &ne) && ne.Timeout():
			return statuses, false, nil
		case err != nil: // EOF or a reset: the server closed the connection
			return statuses, true, nil
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		statuses = append(statuses, resp.StatusCode)
	}
}
