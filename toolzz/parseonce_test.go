package toolzz

import (
	"testing"

	"github.com/lmshooks/lmshooks/internal/golden"
)

var fastPath = golden.FastPath[Event]{
	Dir:   "../testdata/toolzz",
	Fast:  parseOnce,
	Exact: parseWithEnvelope,
}

// FuzzParseOnceAgrees: the fast path answers only where the exact path
// (envelope first) gives the same event and no error.
func FuzzParseOnceAgrees(f *testing.F) {
	fastPath.Fuzz(f,
		`{"event":{"slug":"members.created","slug":"x"}}`,
		`{"event":{"slug":"members.created"},"Event":{"name":"n"}}`,
	)
}

func TestParseOnceTakesTheDocumentedBodies(t *testing.T) { fastPath.Takes(t) }
