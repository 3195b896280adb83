package toolzz_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/lmshooks/lmshooks/internal/golden"
	"github.com/lmshooks/lmshooks/toolzz"
)

const fixtures = "../testdata/toolzz"

func parse(body []byte) (toolzz.Event, error) { return toolzz.Parse(body) }

// TestGoldenTyped parses every documented body (partial ones included) and
// compares the typed value with its golden dump.
func TestGoldenTyped(t *testing.T) {
	golden.TypedGolden(t, golden.Fixtures(t, fixtures, ".json"), parse, func(t *testing.T, _ string, event toolzz.Event) {
		if _, unknown := event.(*toolzz.Unknown); unknown {
			t.Fatalf("documented body parsed as unknown event %q", event.EventName())
		}
	})
}

// TestRoundTrip checks that no documented field is dropped: the typed value
// encodes back to the same JSON values as the body. A *.partial.json body
// lacks keys the web copy lost, so there only its own keys are compared.
func TestRoundTrip(t *testing.T) {
	golden.RoundTrip(t, golden.Fixtures(t, fixtures, ".json"), parse, func(t testing.TB, path string, body, encoded []byte) {
		if strings.HasSuffix(path, ".partial.json") {
			jsonSubset(t, body, encoded)
			return
		}
		golden.JSONEqual(t, body, encoded)
	})
}

// jsonSubset fails t unless every value in want is in got at the same path
// (got may hold more object keys).
func jsonSubset(t testing.TB, want, got []byte) {
	t.Helper()
	var w, g any
	if err := json.Unmarshal(want, &w); err != nil {
		t.Fatalf("want is not JSON: %v", err)
	}
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("got is not JSON: %v", err)
	}
	for _, problem := range subsetProblems("", w, g) {
		t.Error(problem)
	}
}

func subsetProblems(path string, want, got any) []string {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return []string{fmt.Sprintf("%s: want an object, got %v", path, got)}
		}
		var problems []string
		for key, value := range w {
			if _, ok := g[key]; !ok {
				problems = append(problems, fmt.Sprintf("%s.%s: missing", path, key))
				continue
			}
			problems = append(problems, subsetProblems(path+"."+key, value, g[key])...)
		}
		return problems
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return []string{fmt.Sprintf("%s: want %d elements, got %v", path, len(w), got)}
		}
		var problems []string
		for i := range w {
			problems = append(problems, subsetProblems(fmt.Sprintf("%s[%d]", path, i), w[i], g[i])...)
		}
		return problems
	}
	if diff := cmp.Diff(want, got); diff != "" {
		return []string{fmt.Sprintf("%s: (-want +got)\n%s", path, diff)}
	}
	return nil
}

// TestSubsetCanFail keeps the partial round trip honest.
func TestSubsetCanFail(t *testing.T) {
	for _, tt := range []struct{ want, got string }{
		{`{"a":1}`, `{"b":1}`},
		{`{"a":{"b":1}}`, `{"a":{"b":2,"c":3}}`},
		{`{"a":[1,2]}`, `{"a":[1]}`},
		{`{"a":null}`, `{"a":""}`},
	} {
		var w, g any
		_ = json.Unmarshal([]byte(tt.want), &w)
		_ = json.Unmarshal([]byte(tt.got), &g)
		if len(subsetProblems("", w, g)) == 0 {
			t.Errorf("%s accepted as a subset of %s", tt.want, tt.got)
		}
	}
	var w, g any
	_ = json.Unmarshal([]byte(`{"a":{"b":[{"c":null}]}}`), &w)
	_ = json.Unmarshal([]byte(`{"a":{"b":[{"c":null,"d":1}]},"e":2}`), &g)
	if p := subsetProblems("", w, g); len(p) != 0 {
		t.Errorf("a true subset was refused: %v", p)
	}
}
