package braincert

import (
	"testing"

	"github.com/lmshooks/lmshooks/internal/golden"
)

var fastPath = golden.FastPath[Event]{
	Dir:   "../testdata/braincert",
	Fast:  parseOnce,
	Exact: func(body []byte) (Event, error) { return parse(jsonBody(body), nil) },
}

// FuzzParseOnceAgrees: the fast path answers only where the exact path
// (envelope first) gives the same event and no error.
func FuzzParseOnceAgrees(f *testing.F) {
	fastPath.Fuzz(f,
		`{"id":"1","resource":"user","action":"deleted","created_at":5}`,
		`{"resource":"user","action":"signup","Resource":"course"}`,
	)
}

func TestParseOnceTakesTheDocumentedBodies(t *testing.T) { fastPath.Takes(t) }
