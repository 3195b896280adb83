package sinktest

import (
	"context"
	"fmt"
	"testing"

	"github.com/lmshooks/lmshooks/canonical"
)

// BenchmarkDeliver measures deliver with batches of batchSize events drawn
// from the documented ones, each with an id of its own (so that no
// destination drops it as a duplicate), and reports events per second.
func BenchmarkDeliver(b *testing.B, batchSize int, deliver func(context.Context, []canonical.Event) []error) {
	documented := DocumentedEvents(b)
	batch := make([]canonical.Event, batchSize)
	b.ReportAllocs()
	b.ResetTimer()
	for n := 0; b.Loop(); n++ {
		for i := range batch {
			batch[i] = documented[(n*batchSize+i)%len(documented)]
			batch[i].ID = fmt.Sprintf("%s#%d.%d", batch[i].ID, n, i)
		}
		if errs := deliver(context.Background(), batch); errs != nil {
			b.Fatalf("not delivered: %v", errs)
		}
	}
	b.ReportMetric(float64(b.N*batchSize)/b.Elapsed().Seconds(), "events/s")
}
