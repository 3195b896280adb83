package learnink_test

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/lmshooks/lmshooks/internal/golden"
	"github.com/lmshooks/lmshooks/learnink"
)

const fixtures = "../testdata/learnink"

// bodies lists the documented bodies: every JSON fixture but the signature
// vector.
func bodies(t *testing.T) []string {
	var paths []string
	for _, path := range golden.Fixtures(t, fixtures, ".json") {
		if filepath.Base(path) != "svix-vector.json" {
			paths = append(paths, path)
		}
	}
	return paths
}

// TestGoldenTyped parses every documented body and compares the typed value
// with its golden dump.
func TestGoldenTyped(t *testing.T) {
	for _, path := range bodies(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			event, err := learnink.Parse(golden.Read(t, path))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if _, unknown := event.(*learnink.Unknown); unknown {
				t.Fatalf("documented body parsed as unknown event %q", event.EventName())
			}
			golden.Check(t, golden.Path(path, "typed"), golden.Dump(event))
		})
	}
}

// TestRoundTrip checks that no documented field is dropped: the typed value
// encodes back to the same JSON values as the body.
func TestRoundTrip(t *testing.T) {
	for _, path := range bodies(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			body := golden.Read(t, path)
			event, err := learnink.Parse(body)
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
