package easygenerator_test

import (
	"testing"

	"github.com/lmshooks/lmshooks/easygenerator"
	"github.com/lmshooks/lmshooks/internal/golden"
)

const fixtures = "../testdata/easygenerator"

// TestGoldenTyped parses every documented body and compares the typed value
// with its golden dump.
func TestGoldenTyped(t *testing.T) {
	golden.TypedGolden(t, golden.Fixtures(t, fixtures, ".json"), parse)
}

// TestRoundTrip checks that no documented field is dropped: the typed value
// encodes back to the same JSON values as the body.
func TestRoundTrip(t *testing.T) {
	golden.RoundTrip(t, golden.Fixtures(t, fixtures, ".json"), parse)
}

// parse is Parse without options, the shape the golden helpers take.
func parse(body []byte) (easygenerator.Event, error) { return easygenerator.Parse(body) }
