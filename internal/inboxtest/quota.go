package inboxtest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/canonical/inbox"
)

// Recount is the query that counts from the stored rows what
// inbox.WithMaxBytes counts: each delivery's body, Content-Type and
// headers, and each event's JSON.
const Recount = `SELECT COALESCE((SELECT SUM(octet_length(body) + octet_length(content_type) + octet_length(header)) FROM lmshooks_deliveries), 0) +
	COALESCE((SELECT SUM(octet_length(event)) FROM lmshooks_events), 0)`

// Usage returns the store's count of the bytes it holds.
func Usage(t *testing.T, s *inbox.Store) int64 {
	t.Helper()
	n, err := s.Usage(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// checkCount fails the test unless the store's count is what its rows hold.
func checkCount(t *testing.T, h Harness, s *inbox.Store) {
	t.Helper()
	if got, want := Usage(t, s), int64(queryInt(t, h, Recount)); got != want {
		t.Errorf("the store counts %d bytes held, its rows hold %d", got, want)
	}
}

// costOf returns what one delivery of QuotaDelivery adds to an empty
// store, measured on a store of its own database.
func costOf(t *testing.T, h Harness, d *canonical.Delivery) int64 {
	t.Helper()
	s := open(t, h)
	defer s.Close()
	before := Usage(t, s)
	save(t, s, d)
	return Usage(t, s) - before
}

// fill saves deliveries of one event each ("<prefix>-000", ...) until one
// is refused with ErrFull, and returns the ids stored and the refused
// delivery.
func fill(t *testing.T, s *inbox.Store, prefix string) (stored []string, refused *canonical.Delivery) {
	t.Helper()
	for i := range 1000 {
		d := Delivery(fmt.Sprintf("%s-%03d", prefix, i))
		_, err := s.Save(context.Background(), d)
		if errors.Is(err, inbox.ErrFull) {
			return stored, d
		}
		if err != nil {
			t.Fatalf("Save: %v, want nil or ErrFull", err)
		}
		stored = append(stored, d.Events[0].ID)
	}
	t.Fatal("1000 deliveries fitted: the limit is not applied")
	return nil, nil
}

// testQuotaFillsThenRefuses: a store limited to five and a half
// deliveries' bytes stores five, refuses the sixth with ErrFull and
// stores nothing of it, and after a reopen counts the same and still
// refuses.
func testQuotaFillsThenRefuses(t *testing.T, h Harness) {
	cost := costOf(t, h, Delivery("q-000"))
	limit := 5*cost + cost/2
	s := open(t, h, inbox.WithMaxBytes(limit))
	if s.MaxBytes() != limit {
		t.Errorf("MaxBytes = %d, want %d", s.MaxBytes(), limit)
	}
	stored, refused := fill(t, s, "q") // q-000 is stored already: a duplicate, then four more
	if len(stored) != 5 {
		t.Errorf("%d deliveries fitted in %d bytes of %d each, want 5", len(stored), limit, cost)
	}
	held := Usage(t, s)
	if held != 5*cost {
		t.Errorf("the store holds %d bytes, want %d", held, 5*cost)
	}
	if _, _, err := s.Get(context.Background(), refused.Events[0].ID); !errors.Is(err, inbox.ErrNotFound) {
		t.Errorf("the refused delivery's event: %v, want ErrNotFound", err)
	}
	if n := deliveryCount(t, s); n != 5 {
		t.Errorf("%d deliveries stored, want 5 (nothing of the refused one)", n)
	}
	checkCount(t, h, s)
	s.Close()

	s = open(t, h, inbox.WithMaxBytes(limit))
	if got := Usage(t, s); got != held {
		t.Errorf("after reopening the store counts %d bytes, want %d", got, held)
	}
	if _, err := s.Save(context.Background(), refused); !errors.Is(err, inbox.ErrFull) {
		t.Errorf("after reopening a delivery that does not fit: %v, want ErrFull", err)
	}
	s.Close()
	s = open(t, h) // no limit: it fits
	save(t, s, refused)
	checkCount(t, h, s)
}

// testQuotaDuplicateWhenFull: on a full store, a delivery whose
// events are all stored is a duplicate, not refused; one with a new event,
// or with none, is refused.
func testQuotaDuplicateWhenFull(t *testing.T, h Harness) {
	cost := costOf(t, h, Delivery("full-000"))
	s := open(t, h, inbox.WithMaxBytes(3*cost))
	stored, _ := fill(t, s, "full")
	again, err := s.Save(context.Background(), Delivery(stored...))
	if err != nil {
		t.Fatalf("a duplicate on a full store: %v, want it accepted", err)
	}
	if again.DeliveryID != 0 || len(again.New) != 0 || len(again.Duplicates) != len(stored) {
		t.Errorf("a duplicate on a full store = %+v, want all duplicates and nothing stored", again)
	}
	if _, err := s.Save(context.Background(), Delivery(stored[0], "full-new")); !errors.Is(err, inbox.ErrFull) {
		t.Errorf("a partly new delivery on a full store: %v, want ErrFull", err)
	}
	if _, _, err := s.Get(context.Background(), "full-new"); !errors.Is(err, inbox.ErrNotFound) {
		t.Errorf("the refused delivery's new event: %v, want ErrNotFound", err)
	}
	if _, err := s.Save(context.Background(), Delivery()); !errors.Is(err, inbox.ErrFull) {
		t.Errorf("a delivery with no events on a full store: %v, want ErrFull (its body would be stored)", err)
	}
	checkCount(t, h, s)
}

// testQuotaPruneFreesRoom: Prune takes what it deletes off the count, and
// the delivery refused before fits after it.
func testQuotaPruneFreesRoom(t *testing.T, h Harness) {
	cost := costOf(t, h, Delivery("room-000"))
	s := open(t, h, inbox.WithMaxBytes(4*cost), inbox.WithRetention(30*24*time.Hour))
	old := Delivery("room-old")
	old.ReceivedAt = time.Now().Add(-31 * 24 * time.Hour)
	save(t, s, old)
	_, refused := fill(t, s, "room")
	before := Usage(t, s)
	p, err := s.Prune(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if p.Events != 1 || p.Deliveries != 1 || p.Bytes <= 0 || Usage(t, s) != before-p.Bytes {
		t.Errorf("Prune = %+v and the count went from %d to %d; want one event, one delivery and their bytes freed", p, before, Usage(t, s))
	}
	if _, err := s.Save(context.Background(), refused); err != nil {
		t.Errorf("the refused delivery after Prune made room: %v", err)
	}
	checkCount(t, h, s)
}

// testQuotaCountMatchesRows: whatever is saved, refused, found duplicate,
// failed, derived again or pruned, the count is what the rows hold.
func testQuotaCountMatchesRows(t *testing.T, h Harness) {
	s := open(t, h, inbox.WithMaxBytes(1<<40), inbox.WithRetention(30*24*time.Hour))
	for _, stmt := range h.Poison {
		exec(t, h, stmt)
	}
	old := Delivery("c-old", "c-old-2")
	old.ReceivedAt = time.Now().Add(-31 * 24 * time.Hour)
	save(t, s, old)
	save(t, s, Delivery("c1", "c2"))
	save(t, s, Delivery("c2", "c3", "c3")) // partly new, an id twice
	save(t, s, Delivery("c1"))             // a duplicate
	save(t, s, Delivery())                 // no events
	var wg sync.WaitGroup
	for i := range 20 { // a batch with a failing delivery: each behind a savepoint
		wg.Go(func() {
			id := fmt.Sprintf("c-batch-%02d", i)
			if i == 7 {
				id = "poison-c"
			}
			s.Save(context.Background(), Delivery(id, "c1"))
		})
	}
	wg.Wait()
	checkCount(t, h, s)
	if _, err := s.Rederive(context.Background(), inbox.Filter{}, func(d inbox.StoredDelivery) ([]canonical.Event, error) {
		return []canonical.Event{Event(fmt.Sprintf("c-rederived-%d", d.ID))}, nil
	}, nil); err != nil {
		t.Fatal(err)
	}
	checkCount(t, h, s)
	if _, err := s.Prune(context.Background()); err != nil {
		t.Fatal(err)
	}
	checkCount(t, h, s)
}

// testQuotaConcurrentSavesStayUnder: many Saves at once into one store
// share batches, and the limit holds exactly.
func testQuotaConcurrentSavesStayUnder(t *testing.T, h Harness) {
	cost := costOf(t, h, Delivery("con-000"))
	limit := 20*cost + cost/2
	s := open(t, h, inbox.WithMaxBytes(limit))
	var wg sync.WaitGroup
	var mu sync.Mutex
	var acked []string
	full := 0
	for i := range 100 {
		wg.Go(func() {
			id := fmt.Sprintf("con-%03d", i)
			_, err := s.Save(context.Background(), Delivery(id))
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				acked = append(acked, id)
			case errors.Is(err, inbox.ErrFull):
				full++
			default:
				t.Errorf("Save: %v", err)
			}
		})
	}
	wg.Wait()
	if got := Usage(t, s); got > limit {
		t.Errorf("the store holds %d bytes, over its limit of %d", got, limit)
	}
	if len(acked) != 20 || full != 80 {
		t.Errorf("%d Saves succeeded and %d were refused, want 20 and 80: %v", len(acked), full, acked)
	}
	if got := StoredIDs(t, s, inbox.Filter{}); len(got) != len(acked) {
		t.Errorf("%d events stored, %d Saves succeeded", len(got), len(acked))
	}
	checkCount(t, h, s)
}

// testMigrationCountsWhatIsStored: a version 2 store (no count) is
// migrated with the bytes its rows hold.
func testMigrationCountsWhatIsStored(t *testing.T, h Harness) {
	s := open(t, h)
	save(t, s, Delivery("mig-1", "mig-2"))
	save(t, s, Delivery("mig-3"))
	s.Close()
	exec(t, h, `DROP TABLE lmshooks_usage`)
	exec(t, h, `UPDATE lmshooks_schema SET version = 2`)
	s = open(t, h)
	if Usage(t, s) == 0 {
		t.Error("the migrated store counts nothing held")
	}
	checkCount(t, h, s)
}
