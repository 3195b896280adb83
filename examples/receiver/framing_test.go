package main

import (
	"io"
	"strings"
	"testing"

	"github.com/lmshooks/lmshooks/internal/golden"
	"github.com/lmshooks/lmshooks/internal/hostile"
)

// TestAmbiguousFramingIsRefused sends, over raw TCP to the real server,
// every request whose length is ambiguous (Content-Length and
// Transfer-Encoding both): each is answered 400 and its connection closed,
// and the request hidden in its body is never served. De-duplication is off,
// so that a hidden copy of the good body would be printed again.
func TestAmbiguousFramingIsRefused(t *testing.T) {
	t.Parallel()
	var stdout safeBuffer
	addr := startRun(t, &stdout, io.Discard, "-dedup=false").addr
	body := golden.Read(t, "../../testdata/mcg/course_finish.json")
	printed := func() int { return strings.Count(stdout.String(), "\n") }
	hostile.RunWire(t, addr, hostile.FramingRows("/webhooks/mcg", body), printed)
}
