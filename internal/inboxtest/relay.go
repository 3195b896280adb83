package inboxtest

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/canonical/inbox"
	"github.com/lmshooks/lmshooks/canonical/sink"
)

// Sink is a destination that keeps what it is given, in memory: it
// accepts an event unless Fail returns an error for it.
type Sink struct {
	SinkName string
	// Fail, when set, decides each event's error (nil: accepted).
	Fail func(canonical.Event) error

	mu  sync.Mutex
	got []string // accepted ids, in order
}

// Name implements sink.Sink.
func (s *Sink) Name() string { return s.SinkName }

// Deliver implements sink.Sink.
func (s *Sink) Deliver(_ context.Context, events []canonical.Event) []error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var errs []error
	for i, e := range events {
		var err error
		if s.Fail != nil {
			err = s.Fail(e)
		}
		if err != nil {
			if errs == nil {
				errs = make([]error, len(events))
			}
			errs[i] = err
			continue
		}
		s.got = append(s.got, e.ID)
	}
	return errs
}

// Got returns the ids accepted so far.
func (s *Sink) Got() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string{}, s.got...)
}

var _ sink.Sink = (*Sink)(nil)

// drain runs passes until one handles nothing.
func drain(t *testing.T, r *inbox.Relay) {
	t.Helper()
	for range 1000 {
		n, err := r.DeliverDue(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			return
		}
	}
	t.Fatal("the relay never ran out of due rows")
}

func counts(t *testing.T, s *inbox.Store) map[string]int64 {
	t.Helper()
	cs, err := s.OutboxCounts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]int64{}
	for _, c := range cs {
		m[c.Sink+"/"+c.State] = c.Rows
	}
	return m
}

func newRelay(t *testing.T, s *inbox.Store, sinks []sink.Sink, opts ...inbox.RelayOption) *inbox.Relay {
	t.Helper()
	r, err := s.NewRelay(sinks, append([]inbox.RelayOption{inbox.WithRelayBackoff(time.Millisecond, 2*time.Millisecond)}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func testRelayDeliversOnce(t *testing.T, h Harness) {
	s := open(t, h, inbox.WithSinks("a", "b"))
	save(t, s, Delivery("r1", "r2"))
	save(t, s, Delivery("r1", "r2")) // a duplicate queues nothing
	save(t, s, Delivery("r3"))
	a, b := &Sink{SinkName: "a"}, &Sink{SinkName: "b"}
	relay := newRelay(t, s, []sink.Sink{a, b}, inbox.WithRelayBatch(2))
	drain(t, relay)
	for _, sk := range []*Sink{a, b} {
		if got := sk.Got(); !cmp.Equal(got, []string{"r1", "r2", "r3"}) {
			t.Errorf("sink %s got %v, want r1 r2 r3 once each, in order", sk.SinkName, got)
		}
	}
	if c := counts(t, s); c["a/delivered"] != 3 || c["b/delivered"] != 3 || c["a/due"]+c["b/due"] != 0 {
		t.Errorf("outbox = %v", c)
	}
	if st := relay.Stats(); st.Delivered != 6 || st.Retried+st.Dead != 0 {
		t.Errorf("Stats = %+v", st)
	}
}

func testRelayRetriesThenDead(t *testing.T, h Harness) {
	s := open(t, h, inbox.WithSinks("flaky"))
	save(t, s, Delivery("x1"))
	down := errors.New("connection refused")
	flaky := &Sink{SinkName: "flaky", Fail: func(canonical.Event) error { return down }}
	relay := newRelay(t, s, []sink.Sink{flaky}, inbox.WithRelayGiveUp(3, time.Hour))
	deadline := time.Now().Add(10 * time.Second)
	for counts(t, s)["flaky/dead"] == 0 && time.Now().Before(deadline) {
		if _, err := relay.DeliverDue(context.Background()); err != nil {
			t.Fatal(err)
		}
		time.Sleep(2 * time.Millisecond) // past the backoff
	}
	if st := relay.Stats(); st.Retried != 2 || st.Dead != 1 {
		t.Fatalf("Stats = %+v, want 2 retries then dead", st)
	}
	dead, err := s.DeadRows(context.Background(), "", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(dead) != 1 || dead[0].EventID != "x1" || dead[0].Attempts != 3 || dead[0].LastError != down.Error() {
		t.Fatalf("dead rows = %+v", dead)
	}
	flaky.Fail = nil // the sink is back
	if n, err := s.Redrive(context.Background(), "flaky"); n != 1 || err != nil {
		t.Fatalf("Redrive = %d, %v", n, err)
	}
	drain(t, relay)
	if got := flaky.Got(); !cmp.Equal(got, []string{"x1"}) {
		t.Errorf("after redrive the sink got %v", got)
	}
}

func testRelayRejectedIsDeadAtOnce(t *testing.T, h Harness) {
	s := open(t, h, inbox.WithSinks("lrs"))
	save(t, s, Delivery("ok1", "bad", "ok2"))
	lrs := &Sink{SinkName: "lrs", Fail: func(e canonical.Event) error {
		if e.ID == "bad" {
			return sink.Reject(errors.New("400: invalid IRI"))
		}
		return nil
	}}
	drain(t, newRelay(t, s, []sink.Sink{lrs}))
	if got := lrs.Got(); !cmp.Equal(got, []string{"ok1", "ok2"}) {
		t.Errorf("sink got %v, want the rest of the batch", got)
	}
	dead, err := s.DeadRows(context.Background(), "lrs", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(dead) != 1 || dead[0].EventID != "bad" || dead[0].Attempts != 1 || !strings.Contains(dead[0].LastError, "invalid IRI") {
		t.Errorf("dead rows = %+v, want bad, once, with the sink's reason", dead)
	}
}

func testRelayAfterRestart(t *testing.T, h Harness) {
	s := open(t, h, inbox.WithSinks("a"))
	save(t, s, Delivery("before"))
	first := &Sink{SinkName: "a"}
	drain(t, newRelay(t, s, []sink.Sink{first}))
	save(t, s, Delivery("queued"))
	s.Close() // the receiver stops with a row due
	s = open(t, h, inbox.WithSinks("a"))
	second := &Sink{SinkName: "a"}
	drain(t, newRelay(t, s, []sink.Sink{second}))
	if got := second.Got(); !cmp.Equal(got, []string{"queued"}) {
		t.Errorf("after the restart the sink got %v, want only what was not delivered", got)
	}
}

func testReplayQueuesAgain(t *testing.T, h Harness) {
	s := open(t, h, inbox.WithSinks("a"))
	save(t, s, Delivery("p1", "p2"))
	a := &Sink{SinkName: "a"}
	relay := newRelay(t, s, []sink.Sink{a})
	drain(t, relay)
	n, err := s.Replay(context.Background(), "a", inbox.Filter{Vendor: canonical.VendorMCG})
	if err != nil || n != 2 {
		t.Fatalf("Replay = %d, %v; want 2", n, err)
	}
	if n, err := s.Replay(context.Background(), "backfill", inbox.Filter{Vendor: canonical.VendorLearnInk}); err != nil || n != 0 {
		t.Fatalf("Replay of no events = %d, %v", n, err)
	}
	drain(t, relay)
	if got := a.Got(); !cmp.Equal(got, []string{"p1", "p2", "p1", "p2"}) {
		t.Errorf("after Replay the sink got %v", got)
	}
}

func testRelaySinkPanicIsRetried(t *testing.T, h Harness) {
	s := open(t, h, inbox.WithSinks("a"))
	save(t, s, Delivery("boom"))
	panics := true
	a := &Sink{SinkName: "a", Fail: func(canonical.Event) error {
		if panics {
			panic("sink bug")
		}
		return nil
	}}
	relay := newRelay(t, s, []sink.Sink{a})
	if _, err := relay.DeliverDue(context.Background()); err != nil {
		t.Fatal(err)
	}
	if st := relay.Stats(); st.Retried != 1 {
		t.Fatalf("after a panicking sink Stats = %+v, want one retry", st)
	}
	panics = false
	time.Sleep(5 * time.Millisecond) // past the backoff
	drain(t, relay)
	if got := a.Got(); !cmp.Equal(got, []string{"boom"}) {
		t.Errorf("after the sink recovered it got %v", got)
	}
}
