package hostile

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/lmshooks/lmshooks/internal/webhook"
)

// busyWait is how long a request waits for room in Busy's limit: short, as
// the refusal, not the wait, is under test.
const busyWait = 50 * time.Millisecond

// Busy puts the handler under a bytes-in-flight limit with room for one
// good body (webhook.Inflight, as canonical.WithInflightLimit does) and
// checks, while a first request holds that room by sending its body
// slowly, that a second request with a declared length and a third of
// unknown length are each answered 503 with Retry-After and
// {"error": ...} and not delivered; that the first is then delivered; and
// that its bytes are given back. A handler that counted one body twice
// (the shared endpoint reads it, then its vendor's handler) would refuse
// the first request too.
func Busy(t *testing.T, target Target) {
	t.Helper()
	check(t, &target)
	size := int64(len(target.Body))
	limit := webhook.NewInflight(size+size/2, busyWait)
	h := limit.Wrap(target.Handler)
	before := target.Deliveries.Count()

	slow := &heldBody{rest: target.Body[1:], release: make(chan struct{})}
	first := target.Request(target.Body)
	first.Body, first.ContentLength = io.NopCloser(io.MultiReader(bytes.NewReader(target.Body[:1]), slow)), size
	answered := make(chan *httptest.ResponseRecorder)
	go func() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, first)
		answered <- w
	}()
	waitFor(t, func() bool { return limit.Held() == size }, "the first request to reserve its body")

	declared := target.Request(target.Body)
	streamed := target.Request(target.Body)
	streamed.Body, streamed.ContentLength = io.NopCloser(bytes.NewReader(target.Body)), -1
	streamed.Header.Del("Content-Length")
	for name, r := range map[string]*http.Request{"declared length": declared, "unknown length": streamed} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != http.StatusServiceUnavailable || w.Header().Get("Retry-After") == "" {
			t.Errorf("%s, with the limit held: status %d, Retry-After %q; want 503 with Retry-After", name, w.Code, w.Header().Get("Retry-After"))
		}
		checkErrorAnswer(t, &target, r, w)
		if held := limit.Held(); held != size {
			t.Errorf("%s: %d bytes held after its refusal, want the first request's %d", name, held, size)
		}
	}
	if n := target.Deliveries.Count() - before; n != 0 {
		t.Errorf("%d refused requests were delivered", n)
	}

	close(slow.release)
	if w := <-answered; w.Code != http.StatusOK {
		t.Errorf("the request holding the limit got %d %s, want 200", w.Code, w.Body)
	}
	if held := limit.Held(); held != 0 {
		t.Errorf("%d bytes still held after every request was answered", held)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, target.Request(target.Body))
	if w.Code != http.StatusOK {
		t.Errorf("a good request after the limit was freed got %d %s", w.Code, w.Body)
	}
	if n := target.Deliveries.Count() - before; n != 2 {
		t.Errorf("%d deliveries, want the first request's and the last one's", n)
	}
}

// heldBody yields nothing until release is closed, then rest.
type heldBody struct {
	rest    []byte
	release chan struct{}
}

func (b *heldBody) Read(p []byte) (int, error) {
	<-b.release
	if len(b.rest) == 0 {
		return 0, io.EOF
	}
	n := copy(p, b.rest)
	b.rest = b.rest[n:]
	return n, nil
}

// waitFor polls cond for up to 5 s.
func waitFor(t *testing.T, cond func() bool, what string) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); !cond(); {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}
