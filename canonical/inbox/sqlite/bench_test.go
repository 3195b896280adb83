package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/lmshooks/lmshooks/canonical/inbox"
	"github.com/lmshooks/lmshooks/canonical/inbox/sqlite"
	"github.com/lmshooks/lmshooks/canonical/sink"
	"github.com/lmshooks/lmshooks/internal/inboxtest"
)

// BenchmarkSaveParallel saves one-event deliveries from 64 goroutines with
// full sync: the group commit's throughput.
func BenchmarkSaveParallel(b *testing.B) { benchmarkSaveParallel(b) }

// BenchmarkSaveParallelWithMaxBytes is BenchmarkSaveParallel under a
// limit never reached: the cost of reading the count once per batch.
func BenchmarkSaveParallelWithMaxBytes(b *testing.B) {
	benchmarkSaveParallel(b, inbox.WithMaxBytes(1<<50))
}

func benchmarkSaveParallel(b *testing.B, opts ...inbox.Option) {
	s, err := sqlite.Open(filepath.Join(b.TempDir(), "bench.db"), opts...)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	var n atomic.Int64
	b.SetParallelism(32)
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := s.Save(context.Background(), inboxtest.Delivery(fmt.Sprint("bench-", n.Add(1)))); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// BenchmarkRelay relays stored events to a sink that only keeps them, in
// batches of 100: the outbox's own cost per event.
func BenchmarkRelay(b *testing.B) {
	s, err := sqlite.Open(filepath.Join(b.TempDir(), "relay.db"), inbox.WithSinks("keep"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for i := range b.N {
		if _, err := s.Save(context.Background(), inboxtest.Delivery(fmt.Sprint("relay-", i))); err != nil {
			b.Fatal(err)
		}
	}
	keep := &inboxtest.Sink{SinkName: "keep"}
	relay, err := s.NewRelay([]sink.Sink{keep}, inbox.WithRelayBatch(100))
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for len(keep.Got()) < b.N {
		if _, err := relay.DeliverDue(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
}
