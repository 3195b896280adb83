package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lmshooks/lmshooks/canonical/inbox/sqlite"
	"github.com/lmshooks/lmshooks/internal/inboxtest"
)

// TestPruneMakesRoom: prune deletes what is older than -retention and
// usage shows the bytes held go down by what it freed.
func TestPruneMakesRoom(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lmshooks.db")
	store, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	old := inboxtest.Delivery("old-1", "old-2")
	old.ReceivedAt = time.Now().Add(-20 * 24 * time.Hour)
	if _, err := store.Save(context.Background(), old); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Save(context.Background(), inboxtest.Delivery("young")); err != nil {
		t.Fatal(err)
	}
	before := inboxtest.Usage(t, store)
	store.Close()

	if _, _, err := runTool(t, "prune", "-store", path); err == nil || !strings.Contains(err.Error(), "-retention") {
		t.Errorf("prune without -retention: %v, want it refused", err)
	}
	out, _, err := runTool(t, "prune", "-store", path, "-retention", "240h")
	if err != nil {
		t.Fatal(err)
	}
	var deliveries, events, freed, claims int64
	if _, err := fmt.Sscanf(out, "pruned %d deliveries and %d events (%d bytes), %d claims", &deliveries, &events, &freed, &claims); err != nil {
		t.Fatalf("prune printed %q: %v", out, err)
	}
	if deliveries != 1 || events != 2 || freed <= 0 {
		t.Errorf("prune printed %q, want the old delivery and its two events", out)
	}
	out, _, err = runTool(t, "usage", "-store", path)
	if err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("%d bytes held\n", before-freed); out != want {
		t.Errorf("usage printed %q, want %q", out, want)
	}
}
