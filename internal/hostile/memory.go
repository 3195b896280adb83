package hostile

import (
	"io"
	"net/http"
	"runtime"
	"sync/atomic"
	"testing"
)

// hugeBody is what a hostile sender streams in the over-limit memory check.
const hugeBody = 100 << 20

// BoundedMemory streams a 100 MiB body of unknown length and checks that the
// handler answers 413, stops reading at its limit and allocates less than
// 16 MiB meanwhile (32 MiB under the race detector; measured as runtime.MemStats.TotalAlloc's growth, so do
// not run it in parallel with other tests). A declared Content-Length over
// the limit must be refused without reading at all. It returns the bytes
// allocated, for the test to report.
func BoundedMemory(t *testing.T, target Target) uint64 {
	t.Helper()
	check(t, &target)
	limit := target.maxBodyBytes()
	if limit > 4<<20 {
		t.Fatalf("BoundedMemory's bound is for a limit of at most 4 MiB, not %d", limit)
	}

	declared := &endlessBody{size: hugeBody}
	r := target.Request(nil)
	r.Body, r.ContentLength = declared, hugeBody
	if got := serve(&target, r); got.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("declared %d bytes: status %d, want 413", int64(hugeBody), got.Code)
	}
	if n := declared.read.Load(); n != 0 {
		t.Errorf("declared %d bytes: read %d bytes of a body it refuses by its length", int64(hugeBody), n)
	}

	streamed := &endlessBody{size: hugeBody}
	r = target.Request(nil)
	r.Body, r.ContentLength = streamed, -1
	r.Header.Del("Content-Length")
	before := totalAlloc()
	got := serve(&target, r)
	allocated := totalAlloc() - before
	if got.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("streamed %d bytes: status %d, want 413", int64(hugeBody), got.Code)
	}
	if n := streamed.read.Load(); n > limit+1 {
		t.Errorf("streamed %d bytes: read %d, more than the limit %d (+1)", int64(hugeBody), n, limit)
	}
	if allocated > maxAllocated {
		t.Errorf("streamed %d bytes: allocated %d bytes, over %d", int64(hugeBody), allocated, maxAllocated)
	}
	t.Logf("a %d MiB streamed body against a %d MiB limit: read %d bytes, allocated %.1f MiB",
		hugeBody>>20, limit>>20, streamed.read.Load(), float64(allocated)/(1<<20))
	return allocated
}

func totalAlloc() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.TotalAlloc
}

// endlessBody yields size bytes of JSON-looking text without holding them,
// and counts what was read.
type endlessBody struct {
	size int64
	read atomic.Int64
}

func (b *endlessBody) Read(p []byte) (int, error) {
	left := b.size - b.read.Load()
	if left <= 0 {
		return 0, io.EOF
	}
	p = p[:min(int64(len(p)), left)]
	for i := range p {
		p[i] = '['
	}
	b.read.Add(int64(len(p)))
	return len(p), nil
}

func (b *endlessBody) Close() error { return nil }
