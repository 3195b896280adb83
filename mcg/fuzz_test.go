package mcg_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/internal/golden"
	"github.com/lmshooks/lmshooks/mcg"
)

// FuzzParse: no input panics; an accepted body converts to canonical events
// that pass Validate and encode; a rejected body's error is one of the
// package's error kinds.
func FuzzParse(f *testing.F) {
	for _, path := range golden.Fixtures(f, fixtures, ".json") {
		f.Add(golden.Read(f, path))
	}
	f.Add([]byte(`{"Type":"course_finish","uniqueId":"u","courseCode":"c","cards":{"1":{"cardId":"1","answeredAt":"2026-01-01"}}}`))
	f.Add([]byte(`{"EventType":"x"}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		event, err := mcg.Parse(body)
		if err != nil {
			if !errors.Is(err, mcg.ErrMalformed) && !errors.Is(err, mcg.ErrInvalid) && !errors.Is(err, mcg.ErrNoEventType) {
				t.Fatalf("error of no known kind: %v", err)
			}
			return
		}
		events, err := canonical.FromMCG(event)
		if err != nil {
			t.Fatalf("accepted body does not convert: %v", err)
		}
		for i := range events {
			if err := events[i].Validate(); err != nil {
				t.Fatalf("canonical event invalid: %v", err)
			}
			if _, err := json.Marshal(&events[i]); err != nil {
				t.Fatalf("canonical event does not encode: %v", err)
			}
		}
	})
}
