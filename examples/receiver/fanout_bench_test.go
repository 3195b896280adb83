package main

import (
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/lmshooks/lmshooks/canonical/sink/jetstream"
	"github.com/lmshooks/lmshooks/internal/natstest"
)

// BenchmarkFanOutToJetStream measures events per second end to end: b.N
// deliveries (one event each) posted by 32 senders to the receiver
// binaries, stored, and relayed to an embedded JetStream stream, timed from
// the first post until the stream holds every event (stored-events/s: until
// the last 2xx). Run it with a fixed
// count, PostgreSQL from LMSHOOKS_TEST_POSTGRES_DSN:
//
//	go test ./examples/receiver -run '^$' -bench FanOut -benchtime 5000x
func BenchmarkFanOutToJetStream(b *testing.B) {
	bin := buildReceiver(b)
	for _, tc := range []struct {
		name      string
		receivers int
		store     func(b *testing.B) string
	}{
		{"1-receiver-sqlite", 1, func(b *testing.B) string { return filepath.Join(b.TempDir(), "lmshooks.db") }},
		{"1-receiver-postgres", 1, func(b *testing.B) string { return postgresDSN(b) }},
		{"2-receivers-postgres", 2, func(b *testing.B) string { return postgresDSN(b) }},
	} {
		b.Run(tc.name, func(b *testing.B) {
			store := tc.store(b)
			nats := natstest.Start(b)
			var urls []string
			for range tc.receivers {
				p := startReceiver(b, bin, "-store", store, "-nats", nats.URL(), "-nats-create-stream")
				urls = append(urls, "http://"+p.addr+"/webhooks")
			}
			ds := killDeliveries(b, b.N)
			events := 0
			for _, d := range ds {
				events += len(d.ids)
			}
			b.ResetTimer()
			var wg sync.WaitGroup
			for i, url := range urls { // each receiver gets its share
				share := ds[i*len(ds)/len(urls) : (i+1)*len(ds)/len(urls)]
				wg.Go(func() {
					if acked := sendAll(url, share, 32/len(urls), 0, nil); count(acked) != len(share) {
						b.Errorf("%d of %d deliveries acknowledged", count(acked), len(share))
					}
				})
			}
			wg.Wait()
			stored := b.Elapsed()
			if !waitFor(5*time.Minute, func() bool { return nats.Count(jetstream.DefaultStream) >= uint64(events) }) {
				b.Fatalf("the stream holds %d of %d events", nats.Count(jetstream.DefaultStream), events)
			}
			b.StopTimer()
			b.ReportMetric(float64(events)/b.Elapsed().Seconds(), "events/s")
			b.ReportMetric(float64(events)/stored.Seconds(), "stored-events/s")
		})
	}
}
