package canonical_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/canonical"
)

func event(id string) canonical.Event { e := validEvent(); e.ID = id; return e }

func TestDeduplicateDeliversOnce(t *testing.T) {
	var calls atomic.Int32
	fn := canonical.Deduplicate(canonical.NewMemoryStore(10, time.Hour), func(context.Context, canonical.Event) error {
		calls.Add(1)
		return nil
	})
	ctx := context.Background()
	require.NoError(t, fn(ctx, event("a")))
	require.NoError(t, fn(ctx, event("a")), "a duplicate is a success")
	require.NoError(t, fn(ctx, event("b")))
	assert.Equal(t, int32(2), calls.Load())
}

func TestDeduplicateForgetsFailures(t *testing.T) {
	fail := true
	var calls int
	fn := canonical.Deduplicate(canonical.NewMemoryStore(10, time.Hour), func(context.Context, canonical.Event) error {
		calls++
		if fail {
			return errors.New("database down")
		}
		return nil
	})
	ctx := context.Background()
	require.Error(t, fn(ctx, event("a")))
	fail = false
	require.NoError(t, fn(ctx, event("a")), "the retry gets through")
	require.NoError(t, fn(ctx, event("a")))
	assert.Equal(t, 2, calls)
}

func TestDeduplicateForgetsPanics(t *testing.T) {
	store := canonical.NewMemoryStore(10, time.Hour)
	panicking := canonical.Deduplicate(store, func(context.Context, canonical.Event) error { panic("boom") })
	assert.Panics(t, func() { _ = panicking(context.Background(), event("a")) })
	var calls int
	fn := canonical.Deduplicate(store, func(context.Context, canonical.Event) error { calls++; return nil })
	done := make(chan error)
	go func() { done <- fn(context.Background(), event("a")) }()
	select {
	case err := <-done:
		require.NoError(t, err)
	case <-time.After(5 * time.Second):
		t.Fatal("the panicked claim was never released")
	}
	assert.Equal(t, 1, calls)
}

func TestDeduplicateConcurrentDeliveriesReachCallbackOnce(t *testing.T) {
	var calls atomic.Int32
	release := make(chan struct{})
	fn := canonical.Deduplicate(canonical.NewMemoryStore(10, time.Hour), func(context.Context, canonical.Event) error {
		calls.Add(1)
		<-release // hold the first delivery in flight
		return nil
	})
	const n = 8
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for range n {
		wg.Go(func() { errs <- fn(context.Background(), event("same")) })
	}
	time.Sleep(50 * time.Millisecond) // let every goroutine reach Claim
	close(release)
	wg.Wait()
	close(errs)
	for err := range errs {
		assert.NoError(t, err)
	}
	assert.Equal(t, int32(1), calls.Load())
}

func TestDeduplicateWaiterTakesOverAfterFailure(t *testing.T) {
	var calls atomic.Int32
	firstIn := make(chan struct{})
	release := make(chan struct{})
	fn := canonical.Deduplicate(canonical.NewMemoryStore(10, time.Hour), func(context.Context, canonical.Event) error {
		if calls.Add(1) == 1 {
			close(firstIn)
			<-release
			return errors.New("first attempt fails")
		}
		return nil
	})
	first := make(chan error, 1)
	go func() { first <- fn(context.Background(), event("x")) }()
	<-firstIn
	second := make(chan error, 1)
	go func() { second <- fn(context.Background(), event("x")) }()
	close(release)
	assert.Error(t, <-first)
	assert.NoError(t, <-second)
	assert.Equal(t, int32(2), calls.Load(), "the waiting delivery runs once the first one failed")
}

func TestClaimHonoursContext(t *testing.T) {
	store := canonical.NewMemoryStore(10, time.Hour)
	ok, err := store.Claim(context.Background(), "a")
	require.NoError(t, err)
	require.True(t, ok)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	_, err = store.Claim(ctx, "a")
	assert.ErrorIs(t, err, context.DeadlineExceeded)
}

func TestMemoryStoreBounds(t *testing.T) {
	store := canonical.NewMemoryStore(3, 0)
	ctx := context.Background()
	for i := range 5 {
		id := fmt.Sprint(i)
		ok, err := store.Claim(ctx, id)
		require.NoError(t, err)
		require.True(t, ok)
		require.NoError(t, store.Commit(ctx, id))
	}
	assert.Equal(t, 3, store.Len())
	ok, _ := store.Claim(ctx, "0")
	assert.True(t, ok, "the oldest id was forgotten")
	ok, _ = store.Claim(ctx, "4")
	assert.False(t, ok, "a recent id is remembered")
}

func TestMemoryStoreMaxAge(t *testing.T) {
	store := canonical.NewMemoryStore(100, time.Minute)
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	canonical.SetClock(store, func() time.Time { return now })
	ctx := context.Background()
	_, _ = store.Claim(ctx, "a")
	require.NoError(t, store.Commit(ctx, "a"))
	now = now.Add(59 * time.Second)
	ok, _ := store.Claim(ctx, "a")
	assert.False(t, ok)
	now = now.Add(2 * time.Second)
	ok, _ = store.Claim(ctx, "a")
	assert.True(t, ok, "an id older than maxAge is forgotten")
	assert.Equal(t, 0, store.Len())
}
