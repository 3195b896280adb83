package golden

import (
	"encoding/json"
	"path/filepath"
	"testing"
)

// TypedGolden parses every fixture with parse and compares the typed value's
// Dump with the fixture's .typed.golden file. Each check, if any, runs on
// the parsed value too (for a vendor's own rules, such as "a documented body
// is never an unknown event").
func TypedGolden[E any](t *testing.T, paths []string, parse func([]byte) (E, error), checks ...func(t *testing.T, path string, event E)) {
	t.Helper()
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			event, err := parse(Read(t, path))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			for _, check := range checks {
				check(t, path, event)
			}
			Check(t, Path(path, "typed"), Dump(event))
		})
	}
}

// RoundTrip checks that parsing drops no documented field: every fixture's
// typed value encodes back to JSON equal to the body (JSONEqual), or, where
// compare is given, to what compare accepts.
func RoundTrip[E any](t *testing.T, paths []string, parse func([]byte) (E, error), compare ...func(t testing.TB, path string, body, encoded []byte)) {
	t.Helper()
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			body := Read(t, path)
			event, err := parse(body)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			encoded, err := json.Marshal(event)
			if err != nil {
				t.Fatalf("Marshal: %v", err)
			}
			if len(compare) == 0 {
				JSONEqual(t, body, encoded)
				return
			}
			for _, c := range compare {
				c(t, path, body, encoded)
			}
		})
	}
}
