package learnink

import (
	"testing"

	"github.com/lmshooks/lmshooks/internal/golden"
)

var fastPath = golden.FastPath[Event]{
	Dir:   "../testdata/learnink",
	Fast:  parseOnce,
	Exact: parseWithEnvelope,
}

// FuzzParseOnceAgrees: the fast path answers only where the exact path
// (envelope first) gives the same event and no error.
func FuzzParseOnceAgrees(f *testing.F) {
	fastPath.Fuzz(f,
		`{"object":"event","type":"user.course.started","Object":"x"}`,
		`{"object":5,"type":"user.course.started","data":{"user_id":"u","course_id":"c"}}`,
	)
}

func TestParseOnceTakesTheDocumentedBodies(t *testing.T) { fastPath.Takes(t) }
