//go:build go1.21

package main

import (
	"runtime"

	"stackorheap.dev/oracle/facts/report"
)

// clearFacts checks the clear builtin (Go 1.21 and later) the same way.
func clearFacts() {
	m := make(map[int]any)
	for key := 200; key < 300; key++ {
		store(m, key)
	}
	clear(m)
	report.Add("collectedAfterClear", "objects collected after clear on 100 entries", len(collect(100)))
	runtime.KeepAlive(m)
}
