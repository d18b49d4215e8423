// Command releaseafterdelete stores pointers to objects in a map's interface{} values, deletes
// or clears the entries, runs the garbage collector, and reports which objects were collected.
// A finalizer on each object tells: it runs only once the collector has found the object
// unreachable.
package main

import (
	"runtime"
	"time"

	"stackorheap.dev/oracle/facts/report"
)

// payload is big enough to get a heap object of its own (finalizers are not guaranteed
// for objects of under 16 bytes without pointers, which may share a block).
type payload struct {
	data [64]byte
}

// collected receives the key of every payload whose finalizer ran.
var collected = make(chan int, 1000)

// store puts a new payload into m[key] as an interface{} value. It is not inlined, so no
// pointer to the payload stays in the caller's frame.
//
//go:noinline
func store(m map[int]any, key int) {
	p := &payload{}
	runtime.SetFinalizer(p, func(*payload) { collected <- key })
	m[key] = p
}

// collect runs a collection and returns the keys whose payloads were finalized: it waits until
// `expected` have arrived, or for half a second after the last one when fewer are expected.
func collect(expected int) map[int]bool {
	runtime.GC()
	seen := map[int]bool{}
	wait := 500 * time.Millisecond
	if expected > 0 {
		wait = 10 * time.Second
	}
	for {
		select {
		case key := <-collected:
			seen[key] = true
			if len(seen) == expected {
				return seen
			}
		case <-time.After(wait):
			return seen
		}
	}
}

func main() {
	// delete: two entries, one deleted.
	m := make(map[int]any)
	store(m, 1)
	store(m, 2)
	report.Add("collectedWhileStored", "objects collected while both were still in the map", len(collect(0)))
	delete(m, 1)
	seen := collect(1)
	report.Add("collectedAfterDelete", "the deleted entry's object was collected after one collection", seen[1])
	report.Add("keptStillStored", "the object still in the map was not collected", !seen[2])

	// the range-delete idiom (compiled to the runtime's map clear) on 100 entries.
	many := make(map[int]any)
	for key := 100; key < 200; key++ {
		store(many, key)
	}
	for key := range many {
		delete(many, key)
	}
	report.Add("collectedAfterDeleteLoop", "objects collected after deleting all 100 entries with a range loop", len(collect(100)))
	clearFacts()
	runtime.KeepAlive(m)
	runtime.KeepAlive(many)
	report.Print()
}
