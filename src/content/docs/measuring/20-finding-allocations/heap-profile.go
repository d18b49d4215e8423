package main

import (
	"os"
	"runtime"
	"runtime/pprof"
)

var kept [][]byte

// Allocates a lot and keeps little: the short-lived buffers dominate alloc_space,
// the kept ones inuse_space.
func work() {
	for i := 0; i < 10_000; i++ {
		scratch := make([]byte, 4096)
		scratch[0] = byte(i)
		if i%100 == 0 {
			kept = append(kept, scratch)
		}
	}
}

func main() {
	runtime.MemProfileRate = 1 // record every allocation, for a small demo program
	work()
	runtime.GC() // the profile describes the heap as of the last collection
	f, err := os.Create("heap.pprof")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	if err := pprof.WriteHeapProfile(f); err != nil {
		panic(err)
	}
}
