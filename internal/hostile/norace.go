//go:build !race

package hostile

// maxAllocated bounds what a handler may allocate while refusing an endless
// body, for a limit of 4 MiB: the body up to the limit, read once, plus the
// buffer's growth (measured: 9.5 MiB).
const maxAllocated = 16 << 20
