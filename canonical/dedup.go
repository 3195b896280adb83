package canonical

import (
	"container/list"
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
type MemoryStore struct {
	size   int
	maxAge time.Duration
	now    func() time.Time

	mu       sync.Mutex
	done     map[string]*list.Element // id -> element of order
	order    *list.List               // of doneEntry, oldest first
	inFlight map[string]chan struct{} // closed when the claim ends
}

type doneEntry struct {
	id string
	at time.Time
}

// NewMemoryStore returns a MemoryStore that remembers at most size ids (at
// least 1), each for at most maxAge (0 means no age limit).
func NewMemoryStore(size int, maxAge time.Duration) *MemoryStore {
	return &MemoryStore{
		size:     max(size, 1),
		maxAge:   maxAge,
		now:      time.Now,
		done:     make(map[string]*list.Element),
		order:    list.New(),
		inFlight: make(map[string]chan struct{}),
	}
}

// Claim implements DedupStore.
func (s *MemoryStore) Claim(ctx context.Context, id string) (bool, error) {
	for {
		s.mu.Lock()
		s.expire()
		if _, seen := s.done[id]; seen {
			s.mu.Unlock()
			return false, nil
		}
		wait, busy := s.inFlight[id]
		if !busy {
			s.inFlight[id] = make(chan struct{})
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
	s.mu.Lock()
	defer s.mu.Unlock()
	if el, ok := s.done[id]; ok {
		s.order.Remove(el)
	}
	s.done[id] = s.order.PushBack(doneEntry{id: id, at: s.now()})
	for s.order.Len() > s.size {
		s.forget(s.order.Front())
	}
	s.endClaim(id)
	return nil
}

// Release implements DedupStore.
func (s *MemoryStore) Release(_ context.Context, id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.endClaim(id)
	return nil
}

// Len returns how many delivered ids the store remembers now.
func (s *MemoryStore) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.expire()
	return s.order.Len()
}

func (s *MemoryStore) endClaim(id string) {
	if wait, ok := s.inFlight[id]; ok {
		close(wait)
		delete(s.inFlight, id)
	}
}

// expire forgets ids older than maxAge; the list is in commit order, so it
// stops at the first young one.
func (s *MemoryStore) expire() {
	if s.maxAge <= 0 {
		return
	}
	cutoff := s.now().Add(-s.maxAge)
	for el := s.order.Front(); el != nil && el.Value.(doneEntry).at.Before(cutoff); el = s.order.Front() {
		s.forget(el)
	}
}

func (s *MemoryStore) forget(el *list.Element) {
	delete(s.done, el.Value.(doneEntry).id)
	s.order.Remove(el)
}
