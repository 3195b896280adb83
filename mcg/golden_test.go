package mcg_test

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/lmshooks/lmshooks/internal/golden"
	"github.com/lmshooks/lmshooks/mcg"
)

const fixtures = "../testdata/mcg"

// TestGoldenTyped parses every documented body and compares the typed value
// with its golden dump.
func TestGoldenTyped(t *testing.T) {
	for _, path := range golden.Fixtures(t, fixtures, ".json") {
		t.Run(filepath.Base(path), func(t *testing.T) {
			event, err := mcg.Parse(golden.Read(t, path))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if _, unknown := event.(*mcg.Unknown); unknown {
				t.Fatalf("documented body parsed as unknown event %q", event.EventName())
			}
			golden.Check(t, golden.Path(path, "typed"), golden.Dump(event))
		})
	}
}

// TestRoundTrip checks that no documented field is dropped: the typed value
// encodes back to the same JSON values as the body.
func TestRoundTrip(t *testing.T) {
	for _, path := range golden.Fixtures(t, fixtures, ".json") {
		t.Run(filepath.Base(path), func(t *testing.T) {
			body := golden.Read(t, path)
			event, err := mcg.Parse(body)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			encoded, err := json.Marshal(event)
			if err != nil {
				t.Fatalf("Marshal: %v", err)
			}
			golden.JSONEqual(t, body, encoded)
		})
	}
}
