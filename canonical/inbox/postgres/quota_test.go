package postgres_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/lmshooks/lmshooks/canonical/inbox"
	"github.com/lmshooks/lmshooks/canonical/inbox/postgres"
	"github.com/lmshooks/lmshooks/internal/inboxtest"
)

// TestTwoStoresStayNearTheLimit: two receivers with one limit on one
// database, flooded at once, exceed it by at most one batch of the other's
// (WithMaxBytes documents it), every Save they acknowledged is stored, and
// the count is what the rows hold.
func TestTwoStoresStayNearTheLimit(t *testing.T) {
	dsn := testDSN(t)
	first := openStore(t, dsn)
	if _, err := first.Save(context.Background(), inboxtest.Delivery("lim-000")); err != nil {
		t.Fatal(err)
	}
	cost := inboxtest.Usage(t, first) // every delivery below is as large
	first.Close()
	const batch = 8
	limit := 50*cost + cost/2
	var stores []*inbox.Store
	for range 2 {
		s, err := postgres.Open(context.Background(), dsn, inbox.WithMaxBytes(limit), inbox.WithMaxBatch(batch))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		stores = append(stores, s)
	}
	var mu sync.Mutex
	acked := 0
	var wg sync.WaitGroup
	for i := range 400 {
		wg.Go(func() {
			_, err := stores[i%2].Save(context.Background(), inboxtest.Delivery(fmt.Sprintf("lim-%03d", i+1)))
			if err != nil && !errors.Is(err, inbox.ErrFull) {
				t.Errorf("Save: %v", err)
			}
			if err == nil {
				mu.Lock()
				acked++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	held := inboxtest.Usage(t, stores[0])
	if held > limit+batch*cost {
		t.Errorf("the two stores hold %d bytes: more than one batch (%d bytes) over the limit of %d", held, batch*cost, limit)
	}
	if acked < 50 {
		t.Errorf("only %d Saves succeeded: the stores did not fill up", acked)
	}
	if stored := len(inboxtest.StoredIDs(t, stores[0], inbox.Filter{})); stored != acked+1 {
		t.Errorf("%d events stored, want the %d acknowledged and the first", stored, acked)
	}
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var rows int64
	if err := db.QueryRow(inboxtest.Recount).Scan(&rows); err != nil {
		t.Fatal(err)
	}
	if rows != held {
		t.Errorf("the stores count %d bytes held, the rows hold %d", held, rows)
	}
	t.Logf("limit %d bytes (%d deliveries of %d); %d Saves acknowledged, %d bytes held: %d over", limit, limit/cost, cost, acked, held, max(held-limit, 0))
}
