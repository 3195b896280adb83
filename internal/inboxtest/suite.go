// Package inboxtest is the behaviour every inbox dialect must have, as one
// test suite that the sqlite and postgres tests run against a real
// database.
package inboxtest

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/canonical/inbox"
)

// Harness is one dialect on a real database.
type Harness struct {
	// Driver is the database/sql driver name, for the suite's own
	// statements (a trigger, a schema from the future).
	Driver string
	// Source returns a fresh database's data source name, for one test.
	Source func(t *testing.T) string
	// Open opens a store on a data source.
	Open func(source string, opts ...inbox.Option) (*inbox.Store, error)
	// Poison are statements that make inserting an event whose id starts
	// with "poison" fail inside the database (a trigger).
	Poison []string
}

// Run runs the suite.
func Run(t *testing.T, h Harness) {
	tests := map[string]func(*testing.T, Harness){
		"NewThenDuplicate":              testNewThenDuplicate,
		"PartlyNew":                     testPartlyNew,
		"ConcurrentSameDeliveryOnce":    testConcurrentSameDeliveryOnce,
		"FailingDeliveryFailsAlone":     testFailingDeliveryFailsAlone,
		"HeadersKeptCredentialsNot":     testHeadersKeptCredentialsNot,
		"GetAndNotFound":                testGetAndNotFound,
		"EventsFilteredOldestFirst":     testEventsFilteredOldestFirst,
		"EventsPagesThroughMany":        testEventsPagesThroughMany,
		"PruneForgetsOld":               testPruneForgetsOld,
		"ReopenKeepsEverything":         testReopenKeepsEverything,
		"SchemaFromTheFutureRefused":    testSchemaFromTheFutureRefused,
		"InvalidDeliveryRefused":        testInvalidDeliveryRefused,
		"ClosedStoreRefuses":            testClosedStoreRefuses,
		"RederiveStoresNewEvents":       testRederiveStoresNewEvents,
		"EmptyDeliveryStored":           testEmptyDeliveryStored,
		"AnyBytesRoundTrip":             testAnyBytesRoundTrip,
		"DedupClaimCommitRelease":       testDedupClaimCommitRelease,
		"DedupExpiredLeaseIsClaimable":  testDedupExpiredLeaseIsClaimable,
		"DedupConcurrentClaimsReachOne": testDedupConcurrentClaimsReachOne,
		"MigratesAnOldSchemaInPlace":    testMigratesAnOldSchemaInPlace,
		"RelayDeliversOnce":             testRelayDeliversOnce,
		"RelayRetriesThenDead":          testRelayRetriesThenDead,
		"RelayRejectedIsDeadAtOnce":     testRelayRejectedIsDeadAtOnce,
		"RelayAfterRestart":             testRelayAfterRestart,
		"RelaySinkPanicIsRetried":       testRelaySinkPanicIsRetried,
		"ReplayQueuesAgain":             testReplayQueuesAgain,
		"QuotaFillsThenRefuses":         testQuotaFillsThenRefuses,
		"QuotaDuplicateWhenFull":        testQuotaDuplicateWhenFull,
		"QuotaPruneFreesRoom":           testQuotaPruneFreesRoom,
		"QuotaCountMatchesRows":         testQuotaCountMatchesRows,
		"QuotaConcurrentSavesStayUnder": testQuotaConcurrentSavesStayUnder,
		"MigrationCountsWhatIsStored":   testMigrationCountsWhatIsStored,
	}
	for name, test := range tests {
		t.Run(name, func(t *testing.T) {
			source := h.Source(t)
			one := h
			one.Source = func(*testing.T) string { return source } // the same database all through the test
			test(t, one)
		})
	}
}

// Event returns a valid canonical MCG course completion with id.
func Event(id string) canonical.Event {
	return canonical.Event{
		ID:          id,
		Vendor:      canonical.VendorMCG,
		Type:        canonical.TypeCourseCompleted,
		VendorEvent: "course_finish",
		Object:      &canonical.Object{Kind: canonical.KindCourse, ID: "course-1"},
		Data:        json.RawMessage(fmt.Sprintf(`{"id":%q}`, id)),
	}
}

// Delivery returns an MCG delivery received now carrying events with ids.
func Delivery(ids ...string) *canonical.Delivery {
	d := &canonical.Delivery{
		Vendor:      canonical.VendorMCG,
		ReceivedAt:  time.Now().UTC(),
		ContentType: "application/json",
		Body:        []byte(fmt.Sprintf(`{"ids":%q}`, ids)),
	}
	for _, id := range ids {
		d.Events = append(d.Events, Event(id))
	}
	return d
}

// IDs returns the ids of events.
func IDs(events []canonical.Event) []string {
	ids := []string{}
	for _, e := range events {
		ids = append(ids, e.ID)
	}
	return ids
}

// StoredIDs returns the ids of every stored event, oldest first.
func StoredIDs(t *testing.T, s *inbox.Store, f inbox.Filter) []string {
	t.Helper()
	ids := []string{}
	for e, err := range s.Events(context.Background(), f) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, e.Event.ID)
	}
	return ids
}

func deliveryCount(t *testing.T, s *inbox.Store) int {
	t.Helper()
	n := 0
	for _, err := range s.Deliveries(context.Background(), inbox.Filter{}) {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	return n
}

func save(t *testing.T, s *inbox.Store, d *canonical.Delivery) inbox.Result {
	t.Helper()
	r, err := s.Save(context.Background(), d)
	if err != nil {
		t.Fatalf("Save: %v", err)
	}
	return r
}

// exec runs a statement on the test's database, outside any store.
func exec(t *testing.T, h Harness, query string) {
	t.Helper()
	db, err := sql.Open(h.Driver, h.Source(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(query); err != nil {
		t.Fatal(err)
	}
}

// queryInt runs a query returning one integer on the test's database.
func queryInt(t *testing.T, h Harness, query string) int {
	t.Helper()
	db, err := sql.Open(h.Driver, h.Source(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(query).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// open opens a store that the test's end closes (closing twice is fine).
func open(t *testing.T, h Harness, opts ...inbox.Option) *inbox.Store {
	t.Helper()
	s, err := h.Open(h.Source(t), opts...)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func testNewThenDuplicate(t *testing.T, h Harness) {
	s := open(t, h)
	first := save(t, s, Delivery("a", "b"))
	if first.DeliveryID == 0 || !cmp.Equal(IDs(first.New), []string{"a", "b"}) || len(first.Duplicates) != 0 {
		t.Fatalf("first Save = %+v, want a and b new", first)
	}
	again := save(t, s, Delivery("a", "b"))
	if again.DeliveryID != 0 || len(again.New) != 0 || !cmp.Equal(IDs(again.Duplicates), []string{"a", "b"}) {
		t.Fatalf("second Save = %+v, want both duplicates and no delivery stored", again)
	}
	if got := StoredIDs(t, s, inbox.Filter{}); !cmp.Equal(got, []string{"a", "b"}) {
		t.Errorf("stored %v, want [a b]", got)
	}
	if n := deliveryCount(t, s); n != 1 {
		t.Errorf("%d deliveries stored, want 1 (a duplicate delivery stores nothing)", n)
	}
}

func testPartlyNew(t *testing.T, h Harness) {
	s := open(t, h)
	save(t, s, Delivery("a"))
	r := save(t, s, Delivery("a", "b"))
	if r.DeliveryID == 0 || !cmp.Equal(IDs(r.New), []string{"b"}) || !cmp.Equal(IDs(r.Duplicates), []string{"a"}) {
		t.Fatalf("Save = %+v, want b new and a duplicate", r)
	}
	if n := deliveryCount(t, s); n != 2 {
		t.Errorf("%d deliveries stored, want 2", n)
	}
}

func testConcurrentSameDeliveryOnce(t *testing.T, h Harness) {
	s := open(t, h)
	const senders = 32
	var fresh atomic.Int64
	var wg sync.WaitGroup
	for range senders {
		wg.Go(func() {
			r, err := s.Save(context.Background(), Delivery("same-1", "same-2"))
			if err != nil {
				t.Error(err)
				return
			}
			fresh.Add(int64(len(r.New)))
		})
	}
	wg.Wait()
	if fresh.Load() != 2 {
		t.Errorf("%d events reported new across %d concurrent Saves, want 2", fresh.Load(), senders)
	}
	if got := StoredIDs(t, s, inbox.Filter{}); !cmp.Equal(got, []string{"same-1", "same-2"}) {
		t.Errorf("stored %v", got)
	}
}

func testFailingDeliveryFailsAlone(t *testing.T, h Harness) {
	s := open(t, h)
	for _, stmt := range h.Poison {
		exec(t, h, stmt)
	}
	const good = 40
	var wg sync.WaitGroup
	errs := make([]error, good+1)
	for i := range good + 1 {
		wg.Go(func() {
			id := fmt.Sprintf("good-%02d", i)
			if i == good {
				id = "poison-1"
			}
			_, errs[i] = s.Save(context.Background(), Delivery(id))
		})
	}
	wg.Wait()
	for i, err := range errs[:good] {
		if err != nil {
			t.Errorf("good delivery %d failed with the poisoned one: %v", i, err)
		}
	}
	if errs[good] == nil {
		t.Error("the poisoned delivery succeeded")
	}
	if got := StoredIDs(t, s, inbox.Filter{}); len(got) != good {
		t.Errorf("stored %d events, want %d: %v", len(got), good, got)
	}
	if n := deliveryCount(t, s); n != good {
		t.Errorf("%d deliveries stored, want %d (the failed one's row rolled back)", n, good)
	}
}

func testHeadersKeptCredentialsNot(t *testing.T, h Harness) {
	s := open(t, h)
	d := Delivery("h")
	d.Header = http.Header{
		"Svix-Id":        {"msg_1"},
		"Svix-Signature": {"v1,abc"},
		"Webhook-Id":     {"msg_1"},
		"Authorization":  {"Basic c2VjcmV0"},
		"Cookie":         {"session=1"},
	}
	save(t, s, d)
	_, got, err := s.Get(context.Background(), "h")
	if err != nil {
		t.Fatal(err)
	}
	want := http.Header{"Svix-Id": {"msg_1"}, "Svix-Signature": {"v1,abc"}, "Webhook-Id": {"msg_1"}}
	if diff := cmp.Diff(want, got.Header); diff != "" {
		t.Errorf("stored headers (-want +got):\n%s", diff)
	}
}

func testGetAndNotFound(t *testing.T, h Harness) {
	s := open(t, h)
	d := Delivery("g1", "g2")
	r := save(t, s, d)
	e, got, err := s.Get(context.Background(), "g2")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(d.Events[1], e.Event); diff != "" {
		t.Errorf("event (-want +got):\n%s", diff)
	}
	if got.ID != r.DeliveryID || string(got.Body) != string(d.Body) || got.ContentType != d.ContentType ||
		got.Vendor != d.Vendor || !got.ReceivedAt.Equal(d.ReceivedAt.Truncate(time.Microsecond)) {
		t.Errorf("delivery = %+v, want the saved one %+v", got, d)
	}
	want, _ := inbox.EncodeEvent(&d.Events[1])
	if e.JSON != want {
		t.Errorf("JSON = %s, want %s", e.JSON, want)
	}
	if _, _, err := s.Get(context.Background(), "nope"); !errors.Is(err, inbox.ErrNotFound) {
		t.Errorf("Get of a missing id: %v, want ErrNotFound", err)
	}
}

func testEventsFilteredOldestFirst(t *testing.T, h Harness) {
	s := open(t, h)
	base := time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
	for i, id := range []string{"t0", "t1", "t2"} {
		d := Delivery(id)
		d.ReceivedAt = base.Add(time.Duration(i) * time.Hour)
		save(t, s, d)
	}
	learn := &canonical.Delivery{Vendor: canonical.VendorLearnInk, ReceivedAt: base, Body: []byte(`{}`),
		Events: []canonical.Event{{ID: "li", Vendor: canonical.VendorLearnInk, Type: canonical.TypeCourseStarted,
			VendorEvent: "user.course.started", Object: &canonical.Object{Kind: canonical.KindCourse, ID: "c"}, Data: json.RawMessage(`{}`)}}}
	save(t, s, learn)
	cases := []struct {
		f    inbox.Filter
		want []string
	}{
		{inbox.Filter{}, []string{"t0", "t1", "t2", "li"}},
		{inbox.Filter{Vendor: canonical.VendorMCG}, []string{"t0", "t1", "t2"}},
		{inbox.Filter{Type: canonical.TypeCourseStarted}, []string{"li"}},
		{inbox.Filter{Since: base.Add(time.Hour)}, []string{"t1", "t2"}},
		{inbox.Filter{Until: base.Add(time.Hour)}, []string{"t0", "li"}},
		{inbox.Filter{Vendor: canonical.VendorMCG, Since: base.Add(30 * time.Minute), Until: base.Add(2 * time.Hour)}, []string{"t1"}},
	}
	for _, c := range cases {
		if got := StoredIDs(t, s, c.f); !cmp.Equal(got, c.want) {
			t.Errorf("Events(%+v) = %v, want %v", c.f, got, c.want)
		}
	}
}

func testEventsPagesThroughMany(t *testing.T, h Harness) {
	s := open(t, h)
	var want []string
	for i := range 1200 { // more than two pages
		ids := []string{fmt.Sprintf("p%04d", i)}
		want = append(want, ids...)
		save(t, s, Delivery(ids...))
	}
	if got := StoredIDs(t, s, inbox.Filter{}); !cmp.Equal(got, want) {
		t.Errorf("Events returned %d events, want %d in order", len(got), len(want))
	}
}

func testPruneForgetsOld(t *testing.T, h Harness) {
	s := open(t, h, inbox.WithRetention(30*24*time.Hour))
	old := Delivery("old")
	old.ReceivedAt = time.Now().Add(-31 * 24 * time.Hour)
	save(t, s, old)
	save(t, s, Delivery("young"))
	p, err := s.Prune(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if p.Events != 1 || p.Deliveries != 1 {
		t.Errorf("Prune = %+v, want one event and one delivery", p)
	}
	if got := StoredIDs(t, s, inbox.Filter{}); !cmp.Equal(got, []string{"young"}) {
		t.Errorf("after Prune stored %v, want [young]", got)
	}
	if r := save(t, s, Delivery("young")); len(r.New) != 0 {
		t.Error("a young event was stored again after Prune")
	}
	if r := save(t, s, Delivery("old")); len(r.New) != 1 {
		t.Error("a pruned event is not stored again when it arrives")
	}
}

func testReopenKeepsEverything(t *testing.T, h Harness) {
	s := open(t, h)
	save(t, s, Delivery("r1"))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = open(t, h)
	if r := save(t, s, Delivery("r1")); len(r.New) != 0 {
		t.Error("after reopening, a stored event was stored again")
	}
	if got := StoredIDs(t, s, inbox.Filter{}); !cmp.Equal(got, []string{"r1"}) {
		t.Errorf("after reopening stored %v", got)
	}
}

func testSchemaFromTheFutureRefused(t *testing.T, h Harness) {
	s := open(t, h)
	save(t, s, Delivery("f1"))
	s.Close()
	version := queryInt(t, h, `SELECT version FROM lmshooks_schema`)
	exec(t, h, `UPDATE lmshooks_schema SET version = 999`)
	refused, err := h.Open(h.Source(t))
	if err == nil {
		refused.Close()
		t.Fatal("a store with schema version 999 was opened")
	}
	if !errors.Is(err, inbox.ErrSchemaTooNew) {
		t.Fatalf("Open = %v, want ErrSchemaTooNew", err)
	}
	if got := queryInt(t, h, `SELECT version FROM lmshooks_schema`); got != 999 {
		t.Fatalf("the refused store's version is now %d", got)
	}
	exec(t, h, fmt.Sprintf(`UPDATE lmshooks_schema SET version = %d`, version)) // unchanged otherwise: reopen and look
	s = open(t, h)
	if got := StoredIDs(t, s, inbox.Filter{}); !cmp.Equal(got, []string{"f1"}) {
		t.Errorf("after the refusal stored %v, want [f1]", got)
	}
}

func testInvalidDeliveryRefused(t *testing.T, h Harness) {
	s := open(t, h)
	bad := Delivery("x")
	bad.Events[0].Type = "nonsense"
	for name, d := range map[string]*canonical.Delivery{
		"nil":            nil,
		"unknown vendor": {Vendor: "acme", ReceivedAt: time.Now()},
		"invalid event":  bad,
	} {
		if _, err := s.Save(context.Background(), d); !errors.Is(err, inbox.ErrInvalidDelivery) {
			t.Errorf("%s: Save = %v, want ErrInvalidDelivery", name, err)
		}
	}
	if _, err := s.Save(context.Background(), bad); !errors.Is(err, canonical.ErrInvalidEvent) {
		t.Errorf("invalid event: %v does not match canonical.ErrInvalidEvent", err)
	}
}

func testClosedStoreRefuses(t *testing.T, h Harness) {
	s := open(t, h)
	s.Close()
	if _, err := s.Save(context.Background(), Delivery("c")); !errors.Is(err, inbox.ErrClosed) {
		t.Errorf("Save on a closed store = %v, want ErrClosed", err)
	}
}

func testRederiveStoresNewEvents(t *testing.T, h Harness) {
	s := open(t, h)
	first := save(t, s, Delivery("v1"))
	save(t, s, Delivery("broken"))
	var reported []string
	var failedID int64
	got, err := s.Rederive(context.Background(), inbox.Filter{}, func(d inbox.StoredDelivery) ([]canonical.Event, error) {
		if d.ID != first.DeliveryID {
			return nil, errors.New("cannot parse")
		}
		return []canonical.Event{Event("v1"), Event("v2")}, nil // v2: what the new library derives
	}, func(id int64, stored []canonical.Event, err error) {
		reported = append(reported, IDs(stored)...)
		if err != nil {
			failedID = id
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if got != (inbox.Rederived{Deliveries: 2, New: 1, Failed: 1}) || !cmp.Equal(reported, []string{"v2"}) ||
		failedID == 0 || failedID == first.DeliveryID {
		t.Errorf("Rederive = %+v, reported %v and failure of %d; want 2 deliveries, v2 new, the other failed", got, reported, failedID)
	}
	e, _, err := s.Get(context.Background(), "v2")
	if err != nil || e.DeliveryID != first.DeliveryID {
		t.Errorf("v2 = %+v, %v: want it attached to delivery %d", e, err, first.DeliveryID)
	}
	if n := deliveryCount(t, s); n != 2 {
		t.Errorf("%d deliveries after Rederive, want 2 (no new raw delivery)", n)
	}
}

func testEmptyDeliveryStored(t *testing.T, h Harness) {
	s := open(t, h)
	r := save(t, s, Delivery())
	if r.DeliveryID == 0 {
		t.Error("a delivery with no events was not stored")
	}
}

func testDedupClaimCommitRelease(t *testing.T, h Harness) {
	s := open(t, h)
	ctx := context.Background()
	d := s.Dedup(time.Minute)
	if fresh, err := d.Claim(ctx, "d1"); !fresh || err != nil {
		t.Fatalf("first Claim = %v, %v", fresh, err)
	}
	if err := d.Release(ctx, "d1"); err != nil {
		t.Fatal(err)
	}
	if fresh, err := d.Claim(ctx, "d1"); !fresh || err != nil {
		t.Fatalf("Claim after Release = %v, %v; want true", fresh, err)
	}
	if err := d.Commit(ctx, "d1"); err != nil {
		t.Fatal(err)
	}
	other := s.Dedup(time.Minute) // another process on the same database
	if fresh, err := other.Claim(ctx, "d1"); fresh || err != nil {
		t.Fatalf("Claim of a committed id = %v, %v; want false", fresh, err)
	}
}

func testDedupExpiredLeaseIsClaimable(t *testing.T, h Harness) {
	s := open(t, h)
	ctx := context.Background()
	crashed := s.Dedup(50 * time.Millisecond)
	if fresh, err := crashed.Claim(ctx, "lease"); !fresh || err != nil {
		t.Fatalf("Claim = %v, %v", fresh, err)
	}
	// The holder never commits nor releases (it crashed). Another waits
	// for the lease to expire and takes the id.
	ctx2, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	survivor := s.Dedup(time.Minute)
	if fresh, err := survivor.Claim(ctx2, "lease"); !fresh || err != nil {
		t.Fatalf("Claim after the lease expired = %v, %v; want true", fresh, err)
	}
	if err := crashed.Commit(ctx, "lease"); !errors.Is(err, inbox.ErrLeaseLost) {
		t.Errorf("late Commit by the old holder = %v, want ErrLeaseLost", err)
	}
	if err := survivor.Commit(ctx, "lease"); err != nil {
		t.Fatal(err)
	}
}

func testDedupConcurrentClaimsReachOne(t *testing.T, h Harness) {
	s := open(t, h)
	var calls atomic.Int64
	var wg sync.WaitGroup
	for range 16 {
		fn := canonical.Deduplicate(s.Dedup(time.Minute), func(context.Context, canonical.Event) error {
			calls.Add(1)
			return nil
		})
		wg.Go(func() {
			if err := fn(context.Background(), Event("once")); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if calls.Load() != 1 {
		t.Errorf("the callback ran %d times for one id, want 1", calls.Load())
	}
}

// testMigratesAnOldSchemaInPlace: a version 1 store (no outbox, no count) is
// migrated when opened, its events kept.
func testMigratesAnOldSchemaInPlace(t *testing.T, h Harness) {
	s := open(t, h)
	save(t, s, Delivery("m1"))
	s.Close()
	exec(t, h, `DROP TABLE lmshooks_usage`)
	exec(t, h, `DROP TABLE lmshooks_outbox`)
	exec(t, h, `UPDATE lmshooks_schema SET version = 1`)
	s = open(t, h, inbox.WithSinks("a"))
	if got := StoredIDs(t, s, inbox.Filter{}); !cmp.Equal(got, []string{"m1"}) {
		t.Errorf("after migration stored %v", got)
	}
	save(t, s, Delivery("m2"))
	if c := counts(t, s); c["a/due"] != 1 {
		t.Errorf("after migration the outbox holds %v, want m2 due", c)
	}
	if v := queryInt(t, h, `SELECT version FROM lmshooks_schema`); v < 2 {
		t.Errorf("schema version %d after migration", v)
	}
}

// testAnyBytesRoundTrip: a body, Content-Type and identifying header that
// are not UTF-8 (and a NUL) come back byte for byte; an event id with a
// NUL, which not every database can key on, is refused.
func testAnyBytesRoundTrip(t *testing.T, h Harness) {
	s := open(t, h)
	d := Delivery("bytes")
	d.Body = []byte{0, 0xff, 0xfe, '{', 0}
	d.ContentType = "application/json; x=\xc9\xf8"
	d.Header = http.Header{"Svix-Id": {"\xc9\xd8\x94\xf8"}, "Webhook-Signature": {"v1,a", "v1,b"}}
	save(t, s, d)
	_, got, err := s.Get(context.Background(), "bytes")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(d.Header, got.Header); diff != "" {
		t.Errorf("header (-want +got):\n%s", diff)
	}
	if string(got.Body) != string(d.Body) || got.ContentType != d.ContentType {
		t.Errorf("body %q, Content-Type %q; want %q, %q", got.Body, got.ContentType, d.Body, d.ContentType)
	}
	if _, err := s.Save(context.Background(), Delivery("nul\x00id")); !errors.Is(err, inbox.ErrInvalidDelivery) {
		t.Errorf("Save of an id with NUL = %v, want ErrInvalidDelivery", err)
	}
	broken := Delivery("broken-header")
	broken.Header = http.Header{"Svix-Id": {"a\r\nAuthorization: x"}}
	if _, err := s.Save(context.Background(), broken); !errors.Is(err, inbox.ErrInvalidDelivery) {
		t.Errorf("Save of a header with a line break = %v, want ErrInvalidDelivery", err)
	}
}
