package canonical_test

import (
	"context"
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/lmshooks/lmshooks/canonical"
)

// benchID is a canonical id as a content-addressed MCG event has one.
func benchID(i int) string { return fmt.Sprintf("mcg:course_answer:%032x", i) }

// fill commits n distinct ids.
func fill(b *testing.B, store *canonical.MemoryStore, n int) {
	ctx := context.Background()
	for i := range n {
		id := benchID(i)
		if _, err := store.Claim(ctx, id); err != nil {
			b.Fatal(err)
		}
		if err := store.Commit(ctx, id); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMemoryStoreCommit is one fresh id claimed and committed in a
// full store of 100 000 ids, so that each commit also forgets the oldest.
func BenchmarkMemoryStoreCommit(b *testing.B) {
	store := canonical.NewMemoryStore(100_000, time.Hour)
	fill(b, store, 100_000)
	ctx := context.Background()
	ids := make([]string, 1<<16)
	for i := range ids {
		ids[i] = benchID(100_000 + i)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		id := ids[i%len(ids)]
		i++
		if _, err := store.Claim(ctx, id); err != nil {
			b.Fatal(err)
		}
		if err := store.Commit(ctx, id); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMemoryStoreGC is one full garbage collection while a store of
// 100 000 ids is live: what the store costs the collector's marking, beside
// the same collection with an empty store.
func BenchmarkMemoryStoreGC(b *testing.B) {
	for _, n := range []int{0, 100_000} {
		b.Run(fmt.Sprintf("ids=%d", n), func(b *testing.B) {
			store := canonical.NewMemoryStore(100_000, time.Hour)
			fill(b, store, n)
			runtime.GC()
			for b.Loop() {
				runtime.GC()
			}
			runtime.KeepAlive(store)
		})
	}
}
