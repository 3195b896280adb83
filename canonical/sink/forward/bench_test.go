package forward_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/lmshooks/lmshooks/canonical/sink/forward"
	"github.com/lmshooks/lmshooks/canonical/sink/internal/sinktest"
)

// BenchmarkDeliver: events per second to an httptest server that reads each
// body and answers 204, per content mode and batch size.
func BenchmarkDeliver(b *testing.B) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		_, _ = io.Copy(io.Discard, req.Body)
		w.WriteHeader(http.StatusNoContent)
	}))
	defer srv.Close()
	for _, mode := range []forward.Mode{forward.Structured, forward.Binary} {
		for _, size := range []int{1, 41} {
			b.Run(fmt.Sprintf("%s/batch=%d", mode, size), func(b *testing.B) {
				s, err := forward.New(srv.URL, secret, forward.WithMode(mode))
				if err != nil {
					b.Fatal(err)
				}
				defer s.Close()
				sinktest.BenchmarkDeliver(b, size, s.Deliver)
			})
		}
	}
}
