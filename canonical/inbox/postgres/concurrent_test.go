package postgres_test

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lmshooks/lmshooks/canonical/inbox"
	"github.com/lmshooks/lmshooks/canonical/inbox/postgres"
	"github.com/lmshooks/lmshooks/canonical/sink"
	"github.com/lmshooks/lmshooks/internal/inboxtest"
)

func openStore(t *testing.T, dsn string) *inbox.Store {
	t.Helper()
	s, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestTwoStoresStoreEachEventOnce: two receivers on one database are given
// the same deliveries at the same moment; each event is stored once and
// reported new by exactly one of them. Deliveries carry their events in
// both orders, so that the two writers also meet deadlocks and retry.
func TestTwoStoresStoreEachEventOnce(t *testing.T) {
	dsn := testDSN(t)
	stores := []*inbox.Store{openStore(t, dsn), openStore(t, dsn)}
	const deliveries = 300
	var fresh atomic.Int64
	var wg sync.WaitGroup
	for i := range deliveries {
		a, b := fmt.Sprintf("two-%03d-a", i), fmt.Sprintf("two-%03d-b", (i+1)%deliveries)
		for n, s := range stores {
			ids := []string{a, b}
			if n == 1 {
				ids = []string{b, a}
			}
			wg.Go(func() {
				r, err := s.Save(context.Background(), inboxtest.Delivery(ids...))
				if err != nil {
					t.Errorf("Save: %v", err)
					return
				}
				fresh.Add(int64(len(r.New)))
			})
		}
	}
	wg.Wait()
	stored := inboxtest.StoredIDs(t, stores[0], inbox.Filter{})
	want := 2 * deliveries
	if len(stored) != want || fresh.Load() != int64(want) {
		t.Errorf("stored %d events, %d reported new; want %d of each", len(stored), fresh.Load(), want)
	}
	slices.Sort(stored)
	if len(slices.Compact(stored)) != len(stored) {
		t.Error("an event is stored twice")
	}
}

// TestKilledConnectionsNeverAcknowledgeUnstored: while Saves run, every
// connection of the store is killed with pg_terminate_backend, again and
// again. A Save may fail (the handler answers 5xx and the vendor retries);
// every Save that succeeded is stored.
func TestKilledConnectionsNeverAcknowledgeUnstored(t *testing.T) {
	dsn := testDSN(t)
	u, _ := url.Parse(dsn)
	q := u.Query()
	q.Set("application_name", "lmshooks_killed")
	u.RawQuery = q.Encode()
	s := openStore(t, u.String())
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	stop := make(chan struct{})
	var kills atomic.Int64
	killed := make(chan struct{})
	go func() {
		defer close(killed)
		for {
			select {
			case <-stop:
				return
			case <-time.After(5 * time.Millisecond):
			}
			var n int64
			if err := admin.QueryRow(`SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
				WHERE application_name = 'lmshooks_killed'`).Scan(&n); err == nil {
				kills.Add(n)
			}
		}
	}()
	for start := time.Now(); kills.Load() == 0; { // the store's idle connections go first
		if time.Since(start) > 10*time.Second {
			t.Fatal("no connection of the store was killed in 10 s")
		}
		time.Sleep(time.Millisecond)
	}
	var acked sync.Map
	var failures atomic.Int64
	var wg sync.WaitGroup
	for i := range 400 {
		wg.Go(func() {
			id := fmt.Sprintf("killed-%03d", i)
			if _, err := s.Save(context.Background(), inboxtest.Delivery(id)); err != nil {
				failures.Add(1)
				return
			}
			acked.Store(id, true)
		})
	}
	wg.Wait()
	close(stop)
	<-killed
	if _, err := s.Save(context.Background(), inboxtest.Delivery("after-the-kills")); err != nil {
		t.Errorf("the store did not recover once connections stopped being killed: %v", err)
	}
	stored := map[string]bool{}
	for _, id := range inboxtest.StoredIDs(t, openStore(t, dsn), inbox.Filter{}) {
		stored[id] = true
	}
	n := 0
	acked.Range(func(id, _ any) bool {
		n++
		if !stored[id.(string)] {
			t.Errorf("Save of %s succeeded but it is not stored", id)
		}
		return true
	})
	t.Logf("%d connections killed; %d Saves succeeded, %d failed", kills.Load(), n, failures.Load())
}

// TestTwoRelaysDeliverEachRowOnce: two relays (as in two receivers) share
// one outbox; FOR UPDATE SKIP LOCKED gives each row to one of them.
func TestTwoRelaysDeliverEachRowOnce(t *testing.T) {
	dsn := testDSN(t)
	stores := []*inbox.Store{}
	for range 2 {
		s, err := postgres.Open(context.Background(), dsn, inbox.WithSinks("lrs"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		stores = append(stores, s)
	}
	const events = 500
	for i := range events {
		if _, err := stores[i%2].Save(context.Background(), inboxtest.Delivery(fmt.Sprintf("relay-%03d", i))); err != nil {
			t.Fatal(err)
		}
	}
	sinks := []*inboxtest.Sink{{SinkName: "lrs"}, {SinkName: "lrs"}}
	var wg sync.WaitGroup
	for i, s := range stores {
		relay, err := s.NewRelay([]sink.Sink{sinks[i]}, inbox.WithRelayBatch(10))
		if err != nil {
			t.Fatal(err)
		}
		wg.Go(func() {
			for {
				n, err := relay.DeliverDue(context.Background())
				if err != nil {
					t.Error(err)
					return
				}
				if n == 0 {
					return
				}
			}
		})
	}
	wg.Wait()
	all := append(sinks[0].Got(), sinks[1].Got()...)
	slices.Sort(all)
	if len(all) != events || len(slices.Compact(all)) != events {
		t.Errorf("the relays delivered %d rows, %d distinct; want %d once each", len(all), len(slices.Compact(all)), events)
	}
	t.Logf("relay 1 delivered %d, relay 2 %d", len(sinks[0].Got()), len(sinks[1].Got()))
}
