package jetstream_test

import (
	"fmt"
	"testing"

	"github.com/lmshooks/lmshooks/canonical/sink/internal/sinktest"
	"github.com/lmshooks/lmshooks/canonical/sink/jetstream"
	"github.com/lmshooks/lmshooks/internal/natstest"
)

// BenchmarkDeliver: events per second into a file-backed stream of an
// embedded server, per batch size.
func BenchmarkDeliver(b *testing.B) {
	for _, size := range []int{1, 41, 256} {
		b.Run(fmt.Sprintf("batch=%d", size), func(b *testing.B) {
			srv := natstest.Start(b)
			s, err := jetstream.New(b.Context(), srv.URL(), jetstream.WithCreateStream(true))
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			sinktest.BenchmarkDeliver(b, size, s.Deliver)
		})
	}
}
