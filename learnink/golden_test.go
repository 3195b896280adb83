package learnink_test

import (
	"testing"

	"github.com/lmshooks/lmshooks/internal/golden"
	"github.com/lmshooks/lmshooks/learnink"
)

const fixtures = "../testdata/learnink"

// bodies lists the documented bodies.
func bodies(t *testing.T) []string { return golden.Fixtures(t, fixtures, ".json") }

func parse(body []byte) (learnink.Event, error) { return learnink.Parse(body) }

// TestGoldenTyped parses every documented body and compares the typed value
// with its golden dump.
func TestGoldenTyped(t *testing.T) {
	golden.TypedGolden(t, bodies(t), parse, func(t *testing.T, _ string, event learnink.Event) {
		if _, unknown := event.(*learnink.Unknown); unknown {
			t.Fatalf("documented body parsed as unknown event %q", event.EventName())
		}
	})
}

// TestRoundTrip checks that no documented field is dropped: the typed value
// encodes back to the same JSON values as the body.
func TestRoundTrip(t *testing.T) {
	golden.RoundTrip(t, bodies(t), parse)
}
