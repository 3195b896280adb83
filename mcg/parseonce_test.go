package mcg

import (
	"testing"

	"github.com/lmshooks/lmshooks/internal/golden"
)

var fastPath = golden.FastPath[Event]{
	Dir:   "../testdata/mcg",
	Fast:  parseOnce,
	Exact: parseWithEnvelope,
}

// FuzzParseOnceAgrees: the fast path answers only where the exact path
// (envelope first) gives the same event and no error.
func FuzzParseOnceAgrees(f *testing.F) {
	fastPath.Fuzz(f,
		`{"Type":"course_answer","EventType":5,"uniqueId":"u","courseCode":"c","answer":{"cardId":1}}`,
		`{"type":"collection_completed","Type":"course_answer"}`,
	)
}

func TestParseOnceTakesTheDocumentedBodies(t *testing.T) { fastPath.Takes(t) }
