package easygenerator_test

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/lmshooks/lmshooks/easygenerator"
	"github.com/lmshooks/lmshooks/internal/golden"
)

const fixtures = "../testdata/easygenerator"

// TestGoldenTyped parses every documented body and compares the typed value
// with its golden dump.
func TestGoldenTyped(t *testing.T) {
	for _, path := range golden.Fixtures(t, fixtures, ".json") {
		t.Run(filepath.Base(path), func(t *testing.T) {
			event, err := easygenerator.Parse(golden.Read(t, path))
			if err != nil {
				t.Fatalf("Parse: %v", err)
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
			event, err := easygenerator.Parse(body)
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
