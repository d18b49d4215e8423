// Package probekit holds what the classic and the Swiss map probes share: the keys they
// insert and the heap counters they read. It builds with Go 1.19 and later.
package probekit

import (
	"fmt"
	"runtime"
	"unsafe"
)

// Int64Keys returns the keys 0..n-1.
func Int64Keys(n int) []int64 {
	keys := make([]int64, n)
	for i := range keys {
		keys[i] = int64(i)
	}
	return keys
}

// Int32Keys returns the keys 0..n-1.
func Int32Keys(n int) []int32 {
	keys := make([]int32, n)
	for i := range keys {
		keys[i] = int32(i)
	}
	return keys
}

// StringKeys returns the keys "key0".."key<n-1>".
func StringKeys(n int) []string {
	keys := make([]string, n)
	for i := range keys {
		keys[i] = fmt.Sprintf("key%d", i)
	}
	return keys
}

// Int64Index reads an int64 key from a slot: with the keys above, the key's index.
func Int64Index(p unsafe.Pointer) int { return int(*(*int64)(p)) }

// Memory returns the process's heap allocations and bytes allocated so far.
func Memory() (allocations, bytes uint64) {
	var stats runtime.MemStats
	runtime.ReadMemStats(&stats)
	return stats.Mallocs, stats.TotalAlloc
}
