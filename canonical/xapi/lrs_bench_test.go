package xapi_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/lmshooks/lmshooks/canonical/xapi"
	"github.com/lmshooks/lmshooks/internal/lrstest"
)

// BenchmarkLRSDeliver measures statements per second through the sink to
// the running LRS (LMSHOOKS_TEST_LRS_URL), for several batch sizes: each
// iteration delivers 100 new events of one statement each.
//
//	go test -run '^$' -bench LRSDeliver -benchmem ./canonical/xapi/
func BenchmarkLRSDeliver(b *testing.B) {
	endpoint := lrstest.Shared(b)
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

// BenchmarkLRSDeliverOverhead measures the sink's own cost (mapping,
// Validate, encoding, one request per 100 statements) against a server
// that answers 200 at once, to tell it from the LRS's.
func BenchmarkLRSDeliverOverhead(b *testing.B) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		_, _ = w.Write([]byte("[]"))
	}))
	defer srv.Close()
	l := newLRS(b, xapi.LRSConfig{Endpoint: srv.URL + "/xAPI"})
	events := manyEvents(100, "overhead")
	sent := 0
	for b.Loop() {
		if errs := l.Deliver(b.Context(), events); errs != nil {
			b.Fatalf("delivery failed: %v", errs)
		}
		sent += len(events)
	}
	b.ReportMetric(float64(sent)/b.Elapsed().Seconds(), "statements/s")
}
