package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/lmshooks/lmshooks/canonical/inbox"
	"github.com/lmshooks/lmshooks/canonical/inbox/sqlite"
	"github.com/lmshooks/lmshooks/internal/lrstest"
)

// lrsBenchEvents is how many distinct deliveries one iteration posts.
const lrsBenchEvents = 1000

// BenchmarkReceiverToLRS measures statements per second through the whole
// path: 8 senders post lrsBenchEvents distinct MCG course_finish bodies
// (one statement each) to the receiver, which stores them in SQLite; its
// relay (100 events a batch) sends them to Learning Locker through the
// LRS sink (100 statements a POST). An iteration ends when the LRS holds
// every statement.
//
//	LMSHOOKS_TEST_LRS_DIR=... go test ./examples/receiver -run '^$' -bench ReceiverToLRS -benchtime 3x
func BenchmarkReceiverToLRS(b *testing.B) {
	endpoint := lrstest.Start(b, lrstest.FreePort(b))
	template, err := os.ReadFile("../../testdata/mcg/course_finish.json")
	if err != nil {
		b.Fatal(err)
	}
	db := filepath.Join(b.TempDir(), "lmshooks.db")
	s := startRunContext(context.Background(), b, io.Discard, io.Discard, append(goldenLRSFlags(endpoint), "-store", db)...).addr
	store := openForCounts(b, db)
	posted := 0
	var ingest, total time.Duration
	b.ResetTimer()
	for i := range b.N {
		start := time.Now()
		postDistinct(b, s, template, i)
		ingest += time.Since(start)
		posted += lrsBenchEvents
		waitDelivered(b, store, int64(posted))
		total += time.Since(start)
	}
	b.StopTimer()
	if n := len(lrstest.Statements(b, endpoint)); n != posted {
		b.Fatalf("the LRS holds %d statements, want %d", n, posted)
	}
	b.ReportMetric(float64(posted)/total.Seconds(), "statements/s")
	b.ReportMetric(float64(posted)/ingest.Seconds(), "stored/s")
}

// postDistinct posts lrsBenchEvents course_finish bodies, each with its
// own learner, from 8 senders; each must be answered 200.
func postDistinct(b *testing.B, addr string, template []byte, iteration int) {
	var wg sync.WaitGroup
	errs := make(chan error, lrsBenchEvents)
	next := make(chan int)
	for range 8 {
		wg.Go(func() {
			for n := range next {
				body := bytes.Replace(template, []byte("eren@minicoursegenerator.com"), fmt.Appendf(nil, "bench-%d-%d@example.com", iteration, n), 1)
				resp, err := http.Post("http://"+addr+"/webhooks/mcg", "application/json", bytes.NewReader(body))
				if err == nil {
					_, _ = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != http.StatusOK {
						err = fmt.Errorf("answered %s", resp.Status)
					}
				}
				if err != nil {
					errs <- err
				}
			}
		})
	}
	for n := range lrsBenchEvents {
		next <- n
	}
	close(next)
	wg.Wait()
	close(errs)
	for err := range errs {
		b.Fatal(err)
	}
}

// BenchmarkRelayBacklogToLRS measures the relay alone: lrsBenchEvents
// distinct course_finish events are stored by a receiver without -lrs and
// queued with examples/inbox replay (a backfill), then a receiver with
// -lrs starts; the clock runs from its start until the LRS holds every
// statement. The relay's batch (events per Deliver, and so statements per
// POST, the LRS sink's batch being 100) is each sub-benchmark's.
func BenchmarkRelayBacklogToLRS(b *testing.B) {
	endpoint := lrstest.Start(b, lrstest.FreePort(b))
	template, err := os.ReadFile("../../testdata/mcg/course_finish.json")
	if err != nil {
		b.Fatal(err)
	}
	tool := buildInboxTool(b)
	iteration := 0
	for _, batch := range []int{10, 100} {
		b.Run(fmt.Sprintf("batch=%d", batch), func(b *testing.B) {
			var total time.Duration
			posted := 0
			for range b.N {
				b.StopTimer()
				iteration++
				db := filepath.Join(b.TempDir(), "lmshooks.db")
				first := startRunContext(context.Background(), b, io.Discard, io.Discard, "-store", db, "-sqlite-sync", "normal")
				postDistinct(b, first.addr, template, 1000+iteration)
				first.stop()
				<-first.done
				if out, err := exec.Command(tool, "replay", "-store", db, "-sink", "lrs").CombinedOutput(); err != nil {
					b.Fatalf("replay: %v\n%s", err, out)
				}
				held := len(lrstest.Statements(b, endpoint))
				store := openForCounts(b, db)
				b.StartTimer()
				start := time.Now()
				ctx := withRelayOptions(context.Background(), inbox.WithRelayBatch(batch))
				s := startRunContext(ctx, b, io.Discard, io.Discard, append(goldenLRSFlags(endpoint), "-store", db)...)
				waitDelivered(b, store, lrsBenchEvents)
				total += time.Since(start)
				posted += lrsBenchEvents
				b.StopTimer()
				if n := len(lrstest.Statements(b, endpoint)); n != held+lrsBenchEvents {
					b.Fatalf("the LRS holds %d statements, want %d", n, held+lrsBenchEvents)
				}
				s.stop()
				<-s.done
			}
			b.ReportMetric(float64(posted)/total.Seconds(), "statements/s")
		})
	}
}

// openForCounts opens the receiver's SQLite store a second time, to read
// its outbox counts while the receiver runs.
func openForCounts(b *testing.B, db string) *inbox.Store {
	b.Helper()
	store, err := sqlite.Open(db)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	return store
}

// waitDelivered waits until n rows of the outbox are delivered (the LRS
// acknowledged their statements); a dead row or 5 minutes fail b.
func waitDelivered(b *testing.B, store *inbox.Store, n int64) {
	b.Helper()
	deadline := time.Now().Add(5 * time.Minute)
	for {
		counts, err := store.OutboxCounts(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		var delivered int64
		for _, c := range counts {
			switch c.State {
			case inbox.StateDelivered:
				delivered = c.Rows
			case inbox.StateDead:
				b.Fatalf("%d rows are dead", c.Rows)
			}
		}
		if delivered >= n {
			return
		}
		if time.Now().After(deadline) {
			b.Fatalf("%d of %d rows delivered after 5 minutes", delivered, n)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
