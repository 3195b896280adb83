package jcs

import "math/bits"

// list is an append-only list kept in chunks of doubling size, so that
// growing it never copies nor leaves garbage behind, and a short list costs
// little: its memory is at most twice its length.
type list[T any] struct {
	chunks [][]T
	n      int
}

const firstChunk = 64

// locate returns the chunk and the index in it of element i: chunk k holds
// firstChunk<<k elements, from firstChunk*(2^k-1) on.
func locate(i int) (chunk, index int) {
	chunk = bits.Len(uint(i/firstChunk+1)) - 1
	return chunk, i - firstChunk*(1<<chunk-1)
}

func (l *list[T]) push(v T) {
	k, j := locate(l.n)
	if k == len(l.chunks) {
		l.chunks = append(l.chunks, make([]T, firstChunk<<k))
	}
	l.chunks[k][j] = v
	l.n++
}

func (l *list[T]) at(i int) T {
	k, j := locate(i)
	return l.chunks[k][j]
}

func (l *list[T]) set(i int, v T) {
	k, j := locate(i)
	l.chunks[k][j] = v
}

func (l *list[T]) truncate(n int) { l.n = n }
func (l *list[T]) swap(i, j int)  { a, b := l.at(i), l.at(j); l.set(i, b); l.set(j, a) }
func (l *list[T]) len() int       { return l.n }

// byOffset sorts the checker's objects by their offset in the text.
type byOffset list[[2]uint32]

func (l *byOffset) Len() int { return l.n }
func (l *byOffset) Less(i, j int) bool {
	return (*list[[2]uint32])(l).at(i)[0] < (*list[[2]uint32])(l).at(j)[0]
}
func (l *byOffset) Swap(i, j int) { (*list[[2]uint32])(l).swap(i, j) }

// reset empties the list, keeping at most its first chunks.
func (l *list[T]) reset(chunks int) {
	l.n = 0
	for i := chunks; i < len(l.chunks); i++ {
		l.chunks[i] = nil // let the large chunks go
	}
	l.chunks = l.chunks[:min(chunks, len(l.chunks))]
}
