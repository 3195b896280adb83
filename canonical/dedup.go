package canonical

import (
	"context"
	"sync"
	"time"
)

// DedupStore remembers which canonical event ids were delivered. It must be
// safe for concurrent use. NewMemoryStore is the in-memory default; a store
// shared by several processes (Redis, SQL) implements the same three calls.
type DedupStore interface {
	// Claim reserves id for one delivery. It returns false when id was
	// already delivered. While another delivery of id holds the claim, Claim
	// waits until that one commits (false) or releases (true: this one may
	// try), or until ctx is done (ctx's error).
	Claim(ctx context.Context, id string) (bool, error)
	// Commit records id as delivered and ends the claim.
	Commit(ctx context.Context, id string) error
	// Release ends the claim without recording id, so that a retry of the
	// same event is delivered.
	Release(ctx context.Context, id string) error
}

// Deduplicate wraps a callback so that each canonical event id reaches it
// once: a duplicate returns nil without calling fn (so a handler answers 2xx);
// an event whose callback failed or panicked is not remembered, so its retry
// gets through; concurrent deliveries of one id reach fn once.
func Deduplicate(store DedupStore, fn func(context.Context, Event) error) func(context.Context, Event) error {
	return func(ctx context.Context, e Event) error {
		fresh, err := store.Claim(ctx, e.ID)
		if err != nil || !fresh {
			return err
		}
		committed := false
		defer func() {
			if !committed { // fn failed or panicked, or Commit failed
				_ = store.Release(context.WithoutCancel(ctx), e.ID)
			}
		}()
		if err := fn(ctx, e); err != nil {
			return err
		}
		if err := store.Commit(context.WithoutCancel(ctx), e.ID); err != nil {
			return err
		}
		committed = true
		return nil
	}
}

// MemoryStore is a bounded, in-memory DedupStore: it forgets the oldest id
// beyond its size and any id older than its maximum age.
//
// It is built to stay bounded and fair under hostile traffic. It keeps a
// fixed-size key per id (the first 16 bytes of the id's SHA-256), never the
// id itself, so an id of any length costs the same, about 60 bytes; with
// records held in pointer-free arrays the garbage collector does not walk
// them. Ids are partitioned by vendor, the "<vendor>:" prefix every
// canonical id starts with (ids without a known vendor's prefix share one
// more partition), and each partition has its own size: deliveries of one
// vendor never evict another vendor's ids.
//
// What a hostile sender can and cannot do, then: a sender who can post to
// a vendor without credentials (MCG, Easygenerator and Toolzz send none;
// BrainCert and LearnInk only when no credentials or secrets are set) can
// fill that vendor's partition with fresh ids, so that a real retry of
// that vendor arriving after size fresh ids is delivered again; and it can
// send an event whose id it knows or guesses before the vendor does (a
// content id is a hash of the content), so that the real delivery is taken
// as a duplicate. It cannot evict or pre-empt another vendor's ids, grow
// the store past its bound (at most size ids per partition, about 60 bytes
// each), or make two ids collide (128 bits of SHA-256). To keep the
// receiver deduplicating authenticated vendors, configure their
// credentials; to keep it exact for the others, use a DedupStore of your own
// sized for their traffic.
type MemoryStore struct {
	size   int
	maxAge time.Duration
	now    func() time.Time

	mu         sync.Mutex
	partitions [len(partitionVendors) + 1]*idRing // built on first use
	inFlight   map[dedupKey]chan struct{}         // closed when the claim ends
}

// NewMemoryStore returns a MemoryStore that remembers at most size ids (at
// least 1) of each vendor, each for at most maxAge (0 means no age limit).
func NewMemoryStore(size int, maxAge time.Duration) *MemoryStore {
	return &MemoryStore{
		size:     min(max(size, 1), maxRingSize),
		maxAge:   maxAge,
		now:      time.Now,
		inFlight: make(map[dedupKey]chan struct{}),
	}
}

// Claim implements DedupStore.
func (s *MemoryStore) Claim(ctx context.Context, id string) (bool, error) {
	key, ring := keyOf(id), partitionOf(id)
	for {
		s.mu.Lock()
		done := s.partition(ring)
		s.expire(done)
		if done.contains(key) {
			s.mu.Unlock()
			return false, nil
		}
		wait, busy := s.inFlight[key]
		if !busy {
			s.inFlight[key] = make(chan struct{})
			s.mu.Unlock()
			return true, nil
		}
		s.mu.Unlock()
		select {
		case <-wait:
		case <-ctx.Done():
			return false, ctx.Err()
		}
	}
}

// Commit implements DedupStore.
func (s *MemoryStore) Commit(_ context.Context, id string) error {
	key, ring := keyOf(id), partitionOf(id)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.partition(ring).add(key, s.now().UnixNano())
	s.endClaim(key)
	return nil
}

// Release implements DedupStore.
func (s *MemoryStore) Release(_ context.Context, id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.endClaim(keyOf(id))
	return nil
}

// Len returns how many delivered ids the store remembers now, over every
// vendor.
func (s *MemoryStore) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, ring := range s.partitions {
		if ring != nil {
			s.expire(ring)
			n += ring.len()
		}
	}
	return n
}

// partition returns partition i, building it on first use.
func (s *MemoryStore) partition(i int) *idRing {
	if s.partitions[i] == nil {
		s.partitions[i] = newIDRing(s.size)
	}
	return s.partitions[i]
}

func (s *MemoryStore) endClaim(key dedupKey) {
	if wait, ok := s.inFlight[key]; ok {
		close(wait)
		delete(s.inFlight, key)
	}
}

// expire forgets a partition's ids older than maxAge.
func (s *MemoryStore) expire(ring *idRing) {
	if s.maxAge > 0 {
		ring.expire(s.now().Add(-s.maxAge).UnixNano())
	}
}
