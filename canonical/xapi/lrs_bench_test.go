package xapi_test

import (
	"fmt"
	"testing"

	"github.com/lmshooks/lmshooks/canonical/xapi"
)

// BenchmarkLRSDeliver measures statements per second through the sink to
// the running LRS (LMSHOOKS_TEST_LRS_URL), for several batch sizes: each
// iteration delivers 100 new events of one statement each.
//
//	go test -run '^$' -bench LRSDeliver -benchmem ./canonical/xapi/
func BenchmarkLRSDeliver(b *testing.B) {
	endpoint := sharedLRS(b)
	run := "bench-" + randomHex(b)
	for _, size := range []int{1, 10, 100} {
		b.Run(fmt.Sprintf("batch=%d", size), func(b *testing.B) {
			l := newLRS(b, xapi.LRSConfig{Endpoint: endpoint, BatchSize: size})
			sent := 0
			for i := 0; b.Loop(); i++ {
				events := manyEvents(100, fmt.Sprintf("%s-%d-%d", run, size, i))
				if errs := l.Deliver(b.Context(), events); errs != nil {
					b.Fatalf("delivery failed: %v", errs)
				}
				sent += len(events)
			}
			b.ReportMetric(float64(sent)/b.Elapsed().Seconds(), "statements/s")
		})
	}
}
