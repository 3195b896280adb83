package webhook

import (
	"bytes"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/iotest"
)

func TestReadAllWhateverTheDeclaredLength(t *testing.T) {
	for _, size := range []int{0, 1, 511, 512, 513, 4096, 70_000} {
		body := bytes.Repeat([]byte("x"), size)
		for _, declared := range []int64{-1, 0, 1, int64(size), int64(size) + 100, 1 << 30} {
			got, err := readAll(iotest.HalfReader(bytes.NewReader(body)), declared)
			if err != nil || !bytes.Equal(got, body) {
				t.Fatalf("size %d declared %d: got %d bytes, %v", size, declared, len(got), err)
			}
		}
	}
}

func TestReadBodyReturnsAReplayedBodyWithinTheLimit(t *testing.T) {
	body := []byte(`{"a":1}`)
	r := httptest.NewRequest(http.MethodPost, "/", nil)
	r.Body = ReplayBody(body)
	got, err := ReadBody(httptest.NewRecorder(), r, 100)
	if err != nil || &got[0] != &body[0] {
		t.Fatalf("got %q, %v; want the replayed slice itself", got, err)
	}

	r.Body = ReplayBody(body)
	if _, err := ReadBody(httptest.NewRecorder(), r, 3); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("over the limit: %v, want ErrTooLarge", err)
	}

	r.Body = ReplayBody(body)
	first := make([]byte, 2)
	_, _ = r.Body.Read(first) // partly read: ReadBody must read the rest, not replay it all
	got, err = ReadBody(httptest.NewRecorder(), r, 100)
	if err != nil || string(got) != strings.TrimPrefix(string(body), `{"`) {
		t.Fatalf("partly read body: got %q, %v", got, err)
	}
}
