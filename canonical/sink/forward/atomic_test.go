package forward_test

import "sync/atomic"

// atomicMax is a counter that also keeps the highest value it observed.
type atomicMax struct{ v atomic.Int64 }

func (a *atomicMax) add(d int64) int64 { return a.v.Add(d) }
func (a *atomicMax) load() int64       { return a.v.Load() }

// observe raises the kept value to n.
func (a *atomicMax) observe(n int64) {
	for {
		old := a.v.Load()
		if n <= old || a.v.CompareAndSwap(old, n) {
			return
		}
	}
}
