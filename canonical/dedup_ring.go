package canonical

import (
	"crypto/sha256"
	"math"
	"strings"
)

// dedupKey is what MemoryStore keeps of an id: the first 16 bytes of its
// SHA-256, the same size whatever the id's length.
type dedupKey [16]byte

func keyOf(id string) dedupKey {
	sum := sha256.Sum256([]byte(id))
	return dedupKey(sum[:16])
}

// partitionVendors are the vendors with a partition of their own; every
// other id goes to the partition after theirs.
var partitionVendors = [...]Vendor{VendorMCG, VendorEasygenerator, VendorBrainCert, VendorToolzz, VendorLearnInk}

// partitionOf returns the partition of an id, by its "<vendor>:" prefix.
func partitionOf(id string) int {
	if prefix, _, ok := strings.Cut(id, ":"); ok {
		for i, v := range partitionVendors {
			if prefix == string(v) {
				return i
			}
		}
	}
	return len(partitionVendors)
}

// maxRingSize is the most ids a partition can hold (slots are uint32; an
// int on every platform).
const maxRingSize = math.MaxInt32

// chunkLen is how many records an idRing allocates at a time, so that a
// store sized for many ids costs memory only as it fills.
const chunkLen = 4096

// doneRecord is one committed id: its key and when it was committed (unix
// nanoseconds).
type doneRecord struct {
	key dedupKey
	at  int64
}

// idRing remembers up to size keys in commit order: a ring of records,
// allocated in chunks as it fills, and an index from each key to the slot of
// its latest record. Neither holds a pointer per id, so the garbage
// collector does not scan them. A key committed again gets a new record;
// the old one stays until the ring overwrites it, and forgets the key only
// if the index still points at it.
type idRing struct {
	size   uint64
	chunks [][]doneRecord
	oldest uint64 // sequence number of the oldest record
	next   uint64 // sequence number of the next record
	index  map[dedupKey]uint32
}

func newIDRing(size int) *idRing {
	return &idRing{size: uint64(size), index: make(map[dedupKey]uint32)}
}

func (r *idRing) contains(key dedupKey) bool {
	_, ok := r.index[key]
	return ok
}

func (r *idRing) len() int { return len(r.index) }

// add records key as committed at, forgetting the oldest record when the
// ring is full.
func (r *idRing) add(key dedupKey, at int64) {
	if r.next-r.oldest == r.size {
		r.forgetOldest()
	}
	slot := r.next % r.size
	*r.record(slot) = doneRecord{key: key, at: at}
	r.index[key] = uint32(slot)
	r.next++
}

// expire forgets the records committed before cutoff; records are in
// commit order, so it stops at the first younger one.
func (r *idRing) expire(cutoff int64) {
	for r.oldest < r.next && r.record(r.oldest%r.size).at < cutoff {
		r.forgetOldest()
	}
}

func (r *idRing) forgetOldest() {
	slot := r.oldest % r.size
	key := r.record(slot).key
	if latest, ok := r.index[key]; ok && uint64(latest) == slot {
		delete(r.index, key)
	}
	r.oldest++
}

// record returns the record in slot, allocating its chunk when the ring
// first reaches it.
func (r *idRing) record(slot uint64) *doneRecord {
	chunk := slot / chunkLen
	for uint64(len(r.chunks)) <= chunk {
		first := uint64(len(r.chunks)) * chunkLen
		r.chunks = append(r.chunks, make([]doneRecord, min(chunkLen, r.size-first)))
	}
	return &r.chunks[chunk][slot%chunkLen]
}
