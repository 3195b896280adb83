package xapi_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/canonical/xapi"
)

// asJSON returns statements as JSON values.
func asJSON(t *testing.T, statements []xapi.Statement) []map[string]any {
	t.Helper()
	encoded, err := json.Marshal(statements)
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]any
	if err := json.Unmarshal(encoded, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// documentedEvents lists the canonical events of every documented body.
func documentedEvents(t testing.TB) []canonical.Event {
	var events []canonical.Event
	for _, body := range documented(t) {
		events = append(events, body.events...)
	}
	return events
}

// newLRS returns an LRS sink with the golden statements' options unless
// cfg says other ones.
func newLRS(t testing.TB, cfg xapi.LRSConfig) *xapi.LRS {
	t.Helper()
	if cfg.Mapping == nil {
		cfg.Mapping = documentedOptions
	}
	if cfg.Auth == "" {
		cfg.Auth = "lmshooks:test"
	}
	l, err := xapi.NewLRS(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// deliver delivers events and returns their errors, failing t when
// Deliver breaks its contract (a slice of the wrong length).
func deliver(t testing.TB, l *xapi.LRS, events []canonical.Event) []error {
	t.Helper()
	errs := l.Deliver(context.Background(), events)
	if errs != nil && len(errs) != len(events) {
		t.Fatalf("Deliver returned %d errors for %d events", len(errs), len(events))
	}
	return errs
}
