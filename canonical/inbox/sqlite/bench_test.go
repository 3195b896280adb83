package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/lmshooks/lmshooks/canonical/inbox/sqlite"
	"github.com/lmshooks/lmshooks/internal/inboxtest"
)

// BenchmarkSaveParallel saves one-event deliveries from 64 goroutines with
// full sync: the group commit's throughput.
func BenchmarkSaveParallel(b *testing.B) {
	s, err := sqlite.Open(filepath.Join(b.TempDir(), "bench.db"))
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
