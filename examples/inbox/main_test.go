package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/canonical/inbox"
	"github.com/lmshooks/lmshooks/canonical/inbox/sqlite"
	"github.com/lmshooks/lmshooks/internal/fixtures"
)

// newStore saves every documented body, parsed as the receiver does, into
// a SQLite store in a temp dir. With underived, every third delivery is
// saved without its events, as by an older library that derived none.
func newStore(t *testing.T, underived bool) (string, []canonical.Event) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "lmshooks.db")
	store, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	var all []canonical.Event
	for _, vendor := range []string{"mcg", "easygenerator", "braincert", "toolzz", "learnink"} {
		files, err := fixtures.Load(filepath.Join("../../testdata", vendor))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if fixtures.IsPartial(f.Name) {
				continue
			}
			header := http.Header{"Content-Type": {fixtures.ContentType(f.Name)}}
			if vendor == "learnink" {
				header.Set("Svix-Id", "msg_"+f.Name)
			}
			events, err := canonical.ParseRequest(header, f.Data)
			if err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
			all = append(all, events...)
			if underived && len(all)%3 == 0 {
				events = nil
			}
			d := &canonical.Delivery{Vendor: canonical.Vendor(vendor), ReceivedAt: time.Now(), ContentType: header.Get("Content-Type"),
				Header: header, Body: f.Data, Events: events}
			if _, err := store.Save(context.Background(), d); err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
		}
	}
	return path, all
}

func runTool(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), args, &stdout, &stderr)
	return stdout.String(), stderr.String(), err
}

func lineIDs(t *testing.T, out string) []string {
	t.Helper()
	ids := []string{}
	for line := range strings.Lines(out) {
		var e canonical.Event
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatalf("line is not an event: %v\n%s", err, line)
		}
		if err := e.Validate(); err != nil {
			t.Errorf("exported event is invalid: %v", err)
		}
		ids = append(ids, e.ID)
	}
	return ids
}

// uniqueIDs returns the ids of events, each once, in order.
func uniqueIDs(events []canonical.Event) []string {
	ids := []string{}
	seen := map[string]bool{}
	for _, e := range events {
		if !seen[e.ID] {
			seen[e.ID] = true
			ids = append(ids, e.ID)
		}
	}
	return ids
}

func TestExportEveryEventOnceOldestFirst(t *testing.T) {
	path, events := newStore(t, false)
	out, _, err := runTool(t, "export", "-store", path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(uniqueIDs(events), lineIDs(t, out)); diff != "" {
		t.Errorf("export (-want +got):\n%s", diff)
	}
	for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		var e canonical.Event
		json.Unmarshal([]byte(line), &e)
		want, _ := inbox.EncodeEvent(&e)
		if line != want {
			t.Errorf("line %d is not canonical JSON:\n got %s\nwant %s", i, line, want)
		}
	}
}

func TestListFilters(t *testing.T) {
	path, events := newStore(t, false)
	count := func(keep func(canonical.Event) bool) int {
		n := 0
		for _, id := range uniqueIDs(events) {
			for _, e := range events {
				if e.ID == id && keep(e) {
					n++
					break
				}
			}
		}
		return n
	}
	for _, c := range []struct {
		args []string
		want int
	}{
		{nil, count(func(canonical.Event) bool { return true })},
		{[]string{"-vendor", "mcg"}, count(func(e canonical.Event) bool { return e.Vendor == canonical.VendorMCG })},
		{[]string{"-type", "course.completed"}, count(func(e canonical.Event) bool { return e.Type == canonical.TypeCourseCompleted })},
		{[]string{"-since", time.Now().Add(time.Hour).Format(time.RFC3339)}, 0},
		{[]string{"-until", time.Now().Add(time.Hour).Format(time.RFC3339), "-vendor", "toolzz"}, count(func(e canonical.Event) bool { return e.Vendor == canonical.VendorToolzz })},
	} {
		out, _, err := runTool(t, append([]string{"list", "-store", path}, c.args...)...)
		if err != nil {
			t.Fatalf("%v: %v", c.args, err)
		}
		if n := strings.Count(out, "\n"); n != c.want || c.want == 0 && out != "" {
			t.Errorf("list %v: %d lines, want %d\n%s", c.args, n, c.want, out)
		}
	}
	for _, bad := range [][]string{{"-vendor", "acme"}, {"-type", "nonsense"}, {"-since", "yesterday"}} {
		if _, _, err := runTool(t, append([]string{"list", "-store", path}, bad...)...); err == nil {
			t.Errorf("list %v succeeded", bad)
		}
	}
}

func TestShowEventAndItsDelivery(t *testing.T) {
	path, events := newStore(t, false)
	want := events[len(events)-1] // a LearnInk event, with its svix-id header
	out, _, err := runTool(t, "show", "-store", path, want.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Event    canonical.Event
		Delivery struct {
			Vendor      string
			ContentType string `json:"content_type"`
			Header      http.Header
			Body        string
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if got.Event.ID != want.ID || !strings.HasPrefix(got.Delivery.Header.Get("Svix-Id"), "msg_") || got.Delivery.Body == "" {
		t.Errorf("show printed %s", out)
	}
	if _, _, err := runTool(t, "show", "-store", path, "no-such-id"); !errors.Is(err, inbox.ErrNotFound) {
		t.Errorf("show of a missing id: %v, want ErrNotFound", err)
	}
}

// TestRederiveStoresWhatWasNotDerived: a store written by a library that
// derived no events from some deliveries gets them from rederive, once.
func TestRederiveStoresWhatWasNotDerived(t *testing.T) {
	path, events := newStore(t, true)
	before, _, _ := runTool(t, "export", "-store", path)
	if len(lineIDs(t, before)) >= len(uniqueIDs(events)) {
		t.Fatal("every event is stored already: the test tests nothing")
	}
	out, stderr, err := runTool(t, "rederive", "-store", path)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	after, _, _ := runTool(t, "export", "-store", path)
	if diff := cmp.Diff(len(uniqueIDs(events)), len(lineIDs(t, after))); diff != "" {
		t.Errorf("events after rederive (-want +got):\n%s", diff)
	}
	if got, want := len(lineIDs(t, out)), len(lineIDs(t, after))-len(lineIDs(t, before)); got != want {
		t.Errorf("rederive printed %d events, stored %d new", got, want)
	}
	again, _, err := runTool(t, "rederive", "-store", path)
	if err != nil || again != "" {
		t.Errorf("a second rederive printed %q, %v; want nothing", again, err)
	}
}

func TestRefusesMissingStoreAndBadCommands(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "none.db")
	if _, _, err := runTool(t, "export", "-store", missing); err == nil {
		t.Error("export of a missing store succeeded")
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("a missing store was created")
	}
	for _, args := range [][]string{nil, {"frobnicate"}, {"export", "-store", "memory"}, {"show", "-store", missing}} {
		if _, _, err := runTool(t, args...); err == nil {
			t.Errorf("%v succeeded", args)
		}
	}
}
