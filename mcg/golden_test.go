package mcg_test

import (
	"testing"

	"github.com/lmshooks/lmshooks/internal/golden"
	"github.com/lmshooks/lmshooks/mcg"
)

const fixtures = "../testdata/mcg"

func parse(body []byte) (mcg.Event, error) { return mcg.Parse(body) }

// TestGoldenTyped parses every documented body and compares the typed value
// with its golden dump.
func TestGoldenTyped(t *testing.T) {
	golden.TypedGolden(t, golden.Fixtures(t, fixtures, ".json"), parse, notUnknown)
}

// TestRoundTrip checks that no documented field is dropped: the typed value
// encodes back to the same JSON values as the body.
func TestRoundTrip(t *testing.T) {
	golden.RoundTrip(t, golden.Fixtures(t, fixtures, ".json"), parse)
}

func notUnknown(t *testing.T, _ string, event mcg.Event) {
	if _, unknown := event.(*mcg.Unknown); unknown {
		t.Fatalf("documented body parsed as unknown event %q", event.EventName())
	}
}
