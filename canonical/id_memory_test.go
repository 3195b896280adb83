package canonical_test

import (
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/mcg"
)

// hostileShapes are the bodies that cost a content id the most per byte: an
// array of a million small objects (each out of key order, so each is
// sorted) and one object of 200 000 keys.
func hostileShapes() map[string][]byte {
	var small, wide strings.Builder
	small.WriteString(`{"Type":"big_unknown","items":[`)
	for i := 0; small.Len() < 4<<20-64; i++ {
		if i > 0 {
			small.WriteByte(',')
		}
		small.WriteString(`{"b":1,"a":2}`)
	}
	small.WriteString("]}")
	wide.WriteString(`{"Type":"big_unknown"`)
	for i := range 200_000 {
		wide.WriteString(`,"k` + strconv.Itoa(200_000-i) + `":0`)
	}
	wide.WriteString("}")
	return map[string][]byte{"array of small objects": []byte(small.String()), "200 000 keys": []byte(wide.String())}
}

// TestContentIDMemoryIsBounded: computing a content id allocates at most 3 ×
// the body whatever its shape (the body's RFC 8785 form is never built).
func TestContentIDMemoryIsBounded(t *testing.T) {
	for name, body := range hostileShapes() {
		allocated := allocatedBy(func() { canonical.ContentID(canonical.VendorMCG, "big_unknown", body) })
		t.Logf("%s: %d bytes, ContentID allocated %d (%.2f ×)", name, len(body), allocated, float64(allocated)/float64(len(body)))
		assert.LessOrEqual(t, allocated, 3*uint64(len(body)), name)
	}
}

// TestUnknownEventMemoryIsBounded: parsing and converting such a body as an
// MCG unknown event (what an unauthenticated sender can post) allocates at
// most 4 × the body: the check (≤ 2 ×), the copy kept as data, small change.
func TestUnknownEventMemoryIsBounded(t *testing.T) {
	for name, body := range hostileShapes() {
		var events []canonical.Event
		allocated := allocatedBy(func() {
			event, err := mcg.Parse(body)
			require.NoError(t, err)
			events, err = canonical.FromMCG(event)
			require.NoError(t, err)
		})
		require.Len(t, events, 1)
		t.Logf("%s: %d bytes, parse and convert allocated %d (%.2f ×)", name, len(body), allocated, float64(allocated)/float64(len(body)))
		assert.LessOrEqual(t, allocated, 4*uint64(len(body)), name)
	}
}

func allocatedBy(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}
