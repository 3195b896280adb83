// Package fuzzcheck holds the assertions every vendor's fuzz target makes:
// an accepted body converts to canonical events that keep the contract, and
// a rejected body's error is one of the package's exported kinds. Only
// tests import it.
package fuzzcheck

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/lmshooks/lmshooks/canonical"
)

// Converted checks the result of converting an accepted event: no error,
// and each event passing Validate and encoding to JSON. (No event at all
// is allowed: a LearnInk notifications.sent with an empty list.)
func Converted(t testing.TB, events []canonical.Event, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("an accepted body does not convert: %v", err)
	}
	for i := range events {
		if err := events[i].Validate(); err != nil {
			t.Fatalf("canonical event %d is invalid: %v", i, err)
		}
		if _, err := json.Marshal(&events[i]); err != nil {
			t.Fatalf("canonical event %d does not encode: %v", i, err)
		}
	}
}

// Rejected checks that err matches one of kinds with errors.Is.
func Rejected(t testing.TB, err error, kinds ...error) {
	t.Helper()
	for _, kind := range kinds {
		if errors.Is(err, kind) {
			return
		}
	}
	t.Fatalf("error of no exported kind: %v", err)
}
