//go:build profile

package main

import (
	"fmt"
	"os"
	"runtime/pprof"
	"strconv"
	"time"
)

// Built with -tags profile, the receiver writes a CPU profile of its first
// $LMSHOOKS_CPUPROFILE_SECONDS seconds (10 by default) to
// $LMSHOOKS_CPUPROFILE.<pid>, for the profiles in examples/bench's
// BENCHMARKS.md:
//
//	LMSHOOKS_CPUPROFILE=/tmp/rx.prof GOFLAGS=-tags=profile go run ./examples/bench -compare 1
//
// Without the tag none of this is compiled.
func init() {
	path := os.Getenv("LMSHOOKS_CPUPROFILE")
	if path == "" {
		return
	}
	seconds, err := strconv.Atoi(os.Getenv("LMSHOOKS_CPUPROFILE_SECONDS"))
	if err != nil || seconds <= 0 {
		seconds = 10
	}
	f, err := os.Create(fmt.Sprintf("%s.%d", path, os.Getpid()))
	if err != nil {
		fmt.Fprintln(os.Stderr, "cpuprofile:", err)
		return
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintln(os.Stderr, "cpuprofile:", err)
		return
	}
	time.AfterFunc(time.Duration(seconds)*time.Second, func() {
		pprof.StopCPUProfile()
		f.Close()
	})
}
