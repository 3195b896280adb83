package jcs

import (
	"crypto/sha256"
	"hash"
	"sync"
)

// state is what one Sum needs beside the text: the checker's lists, the
// emitter's buffer and the hash. It is pooled, so that a request costs no
// allocation for them.
type state struct {
	checker checker
	buf     []byte
	hash    hash.Hash
	sum     [sha256.Size]byte
}

var states = sync.Pool{New: func() any {
	return &state{buf: make([]byte, 0, bufferSize+64), hash: sha256.New()}
}}

func getState() *state {
	st := states.Get().(*state)
	st.hash.Reset()
	return st
}

// keptChunks is how many chunks of each list a pooled state keeps (64 to
// 512 entries, 3.8 KB of offsets): a large text's lists are let go, so the
// pool never holds on to what one big body needed.
const keptChunks = 4

func putState(st *state) {
	c := &st.checker
	c.open.reset(keptChunks)
	c.objects.reset(keptChunks)
	c.orders.reset(keptChunks)
	if cap(c.names) > firstChunk<<keptChunks {
		c.names = nil
	}
	*c = checker{open: c.open, objects: c.objects, orders: c.orders, names: c.names[:0]}
	states.Put(st)
}
