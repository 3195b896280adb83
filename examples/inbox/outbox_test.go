package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/canonical/inbox"
	"github.com/lmshooks/lmshooks/canonical/inbox/sqlite"
	"github.com/lmshooks/lmshooks/canonical/sink"
	"github.com/lmshooks/lmshooks/internal/inboxtest"
)

// TestDeadRedriveReplay: a relay whose sink rejects one event leaves it
// dead; the tool lists it with the reason, redrives it, and replays the
// MCG events for the sink.
func TestDeadRedriveReplay(t *testing.T) {
	path, _ := newStore(t, false) // events stored before any sink: none queued
	store, err := sqlite.Open(path, inbox.WithSinks("lrs"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if _, err := store.Save(context.Background(), inboxtest.Delivery("good", "bad")); err != nil {
		t.Fatal(err)
	}
	lrs := &inboxtest.Sink{SinkName: "lrs", Fail: func(e canonical.Event) error {
		if e.ID == "bad" {
			return sink.Reject(errors.New("statement 400: object.id is not an IRI"))
		}
		return nil
	}}
	relay, err := store.NewRelay([]sink.Sink{lrs})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := relay.DeliverDue(context.Background()); err != nil {
		t.Fatal(err)
	}

	out, _, err := runTool(t, "outbox", "-store", path)
	if err != nil || out != "lrs\tdead\t1\nlrs\tdelivered\t1\n" {
		t.Errorf("outbox printed %q, %v", out, err)
	}
	out, _, err = runTool(t, "dead", "-store", path)
	if err != nil || strings.Count(out, "\n") != 1 || !strings.Contains(out, "\tbad\t") || !strings.Contains(out, "object.id is not an IRI") {
		t.Errorf("dead printed %q, %v", out, err)
	}
	if _, stderr, err := runTool(t, "redrive", "-store", path, "-sink", "lrs"); err != nil || !strings.Contains(stderr, "1 dead rows") {
		t.Errorf("redrive: %q, %v", stderr, err)
	}
	if out, _, _ := runTool(t, "dead", "-store", path); out != "" {
		t.Errorf("dead after redrive printed %q", out)
	}
	_, stderr, err := runTool(t, "replay", "-store", path, "-sink", "lrs", "-vendor", "mcg")
	if err != nil {
		t.Fatal(err)
	}
	mcgEvents := 0
	for e, err := range store.Events(context.Background(), inbox.Filter{Vendor: canonical.VendorMCG}) {
		if err != nil {
			t.Fatal(err)
		}
		if e.Event.Vendor == canonical.VendorMCG {
			mcgEvents++
		}
	}
	if !strings.Contains(stderr, fmt.Sprintf(" %d events queued for lrs", mcgEvents)) {
		t.Errorf("replay said %q, want %d MCG events queued", stderr, mcgEvents)
	}
	lrs.Fail = nil
	for {
		n, err := relay.DeliverDue(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			break
		}
	}
	// good was delivered at first; the replay queued every MCG event again
	// (good, the redriven bad, the documented ones) as one row each.
	if got := len(lrs.Got()); got != 1+mcgEvents {
		t.Errorf("the sink got %d events, want good then the %d MCG events replayed", got, mcgEvents)
	}
	if _, _, err := runTool(t, "replay", "-store", path); err == nil {
		t.Error("replay without -sink succeeded")
	}
}
