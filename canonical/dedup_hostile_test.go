package canonical_test

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/internal/hostile"
	"github.com/lmshooks/lmshooks/learnink"
)

// deliver claims and commits id, and reports whether it was fresh.
func deliver(t testing.TB, store canonical.DedupStore, id string) bool {
	t.Helper()
	ctx := context.Background()
	fresh, err := store.Claim(ctx, id)
	require.NoError(t, err)
	if fresh {
		require.NoError(t, store.Commit(ctx, id))
	}
	return fresh
}

// TestMemoryStoreVendorsDoNotEvictEachOther: 100 000 fresh MCG ids, as an
// anonymous sender can post them, do not make the store forget a LearnInk
// id; they only push out the oldest MCG ids.
func TestMemoryStoreVendorsDoNotEvictEachOther(t *testing.T) {
	const size = 100_000 // the receiver's default
	store := canonical.NewMemoryStore(size, 72*time.Hour)
	learnInk := "learnink:user.course.completed:msg_2Pq0Example"
	require.True(t, deliver(t, store, learnInk))
	require.True(t, deliver(t, store, "mcg:course_finish:first"))
	for i := range size {
		require.True(t, deliver(t, store, fmt.Sprintf("mcg:course_answer:%032x", i)))
	}
	assert.False(t, deliver(t, store, learnInk), "the LearnInk retry must still be a duplicate")
	assert.True(t, deliver(t, store, "mcg:course_finish:first"), "MCG's own oldest id makes room for its newer ones")
	assert.False(t, deliver(t, store, fmt.Sprintf("mcg:course_answer:%032x", size-1)))
	assert.Equal(t, size+1, store.Len(), "a full MCG partition and the one LearnInk id")
}

// TestMemoryStoreKeepsFixedSizeKeys: 3 000 ids of 256 KiB (an unknown MCG
// event's type is part of its id) cost the store what 3 000 short ids do,
// not the 750 MiB of the ids themselves.
func TestMemoryStoreKeepsFixedSizeKeys(t *testing.T) {
	store := canonical.NewMemoryStore(100_000, 72*time.Hour)
	before := heapInUse()
	long := []byte("mcg:" + strings.Repeat("t", 256<<10))
	for i := range 3_000 {
		copy(long[4:], fmt.Sprintf("%08d", i))
		require.True(t, deliver(t, store, string(long)))
	}
	grown := int64(heapInUse()) - int64(before)
	runtime.KeepAlive(store)
	t.Logf("3 000 ids of 256 KiB: the store grew by %d bytes (%.0f bytes per id)", grown, float64(grown)/3000)
	assert.Less(t, grown, int64(1<<20), "the store keeps more than fixed-size keys")
	assert.Equal(t, 3_000, store.Len())
}

func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// TestMemoryStoreMatchesAModel drives the store and a plain model of it
// (per vendor, the last size commits in order, a commit of an id already
// remembered taking a place of its own)
// with random deliveries, re-commits and clock steps, and compares every
// answer: the ring's wrap-around, its chunks and stale records after a
// re-commit must not change what is remembered.
func TestMemoryStoreMatchesAModel(t *testing.T) {
	for seed := range uint64(20) {
		rng := rand.New(rand.NewPCG(seed, 1))
		size, steps := 1+rng.IntN(9), 200
		if seed%10 == 0 {
			size, steps = 4096+rng.IntN(100), 12_000 // more than one chunk, wrapped
		}
		maxAge := time.Duration(rng.IntN(3)) * time.Minute // 0: no age limit
		now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		store := canonical.NewMemoryStore(size, maxAge)
		canonical.SetClock(store, func() time.Time { return now })
		m := dedupModel{size: size, maxAge: maxAge, committed: map[string][]modelRecord{}}
		ctx := context.Background()
		for step := range steps {
			vendor := []string{"mcg", "learnink", "x"}[rng.IntN(3)]
			id := fmt.Sprintf("%s:e:%d", vendor, rng.IntN(2*size))
			switch rng.IntN(10) {
			case 0:
				now = now.Add(time.Duration(rng.IntN(90)) * time.Second)
			case 1: // a commit without a claim: the id is recorded again
				require.NoError(t, store.Commit(ctx, id))
				m.commit(vendor, id, now)
			default:
				want := !m.remembers(vendor, id, now)
				got, err := store.Claim(ctx, id)
				require.NoError(t, err)
				require.Equal(t, want, got, "seed %d step %d: claim of %s", seed, step, id)
				if got {
					require.NoError(t, store.Commit(ctx, id))
					m.commit(vendor, id, now)
				}
			}
		}
		assert.Equal(t, m.len(now), store.Len(), "seed %d", seed)
	}
}

type modelRecord struct {
	id string
	at time.Time
}

type dedupModel struct {
	size      int
	maxAge    time.Duration
	committed map[string][]modelRecord // per vendor, oldest first
}

func (m *dedupModel) commit(vendor, id string, at time.Time) {
	records := append(m.committed[vendor], modelRecord{id, at})
	if len(records) > m.size {
		records = records[len(records)-m.size:]
	}
	m.committed[vendor] = records
}

func (m *dedupModel) fresh(r modelRecord, now time.Time) bool {
	return m.maxAge <= 0 || !r.at.Before(now.Add(-m.maxAge))
}

func (m *dedupModel) remembers(vendor, id string, now time.Time) bool {
	for _, r := range m.committed[vendor] {
		if r.id == id && m.fresh(r, now) {
			return true
		}
	}
	return false
}

func (m *dedupModel) len(now time.Time) int {
	remembered := map[string]bool{}
	for _, records := range m.committed {
		for _, r := range records {
			if m.fresh(r, now) {
				remembered[r.id] = true
			}
		}
	}
	return len(remembered)
}

// TestEndpointDedupSurvivesAnonymousFlood is the attack on the one
// endpoint: a signed LearnInk delivery, then more unauthenticated MCG posts
// with distinct bodies than the store holds, then LearnInk's retry, which
// must be answered 200 without reaching the callback again.
func TestEndpointDedupSurvivesAnonymousFlood(t *testing.T) {
	const size = 1_000
	var deliveries hostile.Deliveries
	h := canonical.Handler(hostile.Record[canonical.Event](&deliveries),
		canonical.WithDedup(canonical.NewMemoryStore(size, time.Hour)),
		canonical.WithLearnInk(learnink.WithSecrets(endpointSecret), learnink.WithClock(func() time.Time { return endpointNow })),
		canonical.WithLogger(slog.New(slog.DiscardHandler)))
	signed := learnInkTarget(t)
	post := func(r *http.Request) {
		t.Helper()
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	}
	post(signed.Request(signed.Body))
	require.Equal(t, 1, deliveries.Count())
	for i := range 3 * size {
		post(hostile.PostJSON("/webhooks")([]byte(fmt.Sprintf(`{"Type":"flood","n":%d}`, i))))
	}
	require.Equal(t, 1+3*size, deliveries.Count(), "every distinct MCG body is delivered")
	post(signed.Request(signed.Body))
	assert.Equal(t, 1+3*size, deliveries.Count(), "the LearnInk retry reached the callback again")
}
