// Command finalizers measures what runtime.SetFinalizer on a map's wrapper does: whether the
// finalizer runs before the program exits, and how many collections it takes before the
// map's contents can be freed, with and without a finalizer on the wrapper.
//
// Usage: finalizers (the child mode, finalizers exit, is started by it).
package main

import (
	"bytes"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"

	"stackorheap.dev/oracle/facts/report"
)

// cache wraps a map, as the advice to "wrap maps with a finalizer" suggests.
type cache struct {
	entries map[int]*entry
}

// entry is a value of the map, big enough to be a heap object of its own.
type entry struct {
	data [1024]byte
}

// events receives "cache" when the wrapper's finalizer runs, "entry" when the map's value's does.
var events = make(chan string, 4)

// newCache builds a cache holding one entry whose finalizer signals that the map's contents
// were found unreachable, with or without a finalizer on the wrapper itself. Nothing refers to
// the cache once it returns.
//
//go:noinline
func newCache(withFinalizer bool) {
	c := &cache{entries: map[int]*entry{}}
	e := &entry{}
	runtime.SetFinalizer(e, func(*entry) { events <- "entry" })
	c.entries[1] = e
	if withFinalizer {
		runtime.SetFinalizer(c, func(*cache) { events <- "cache" })
	}
}

// collectionsUntilFreed drops a cache and runs collections one at a time, letting the
// finalizers a collection queued run before the next one, until the map's entry is found
// unreachable. It returns how many collections that took (0 if not within five).
func collectionsUntilFreed(withFinalizer bool) int {
	newCache(withFinalizer)
	for cycle := 1; cycle <= 5; cycle++ {
		runtime.GC()
		select {
		case event := <-events:
			if event == "entry" {
				return cycle
			}
			// The wrapper's finalizer has run: the next collection may free what it referred to.
		case <-time.After(10 * time.Second):
			// No finalizer ran after this collection.
		}
	}
	return 0
}

// exitWithPendingFinalizer drops a cache with a finalizer that prints a line, and returns from
// main at once, as a program that never needs a collection does.
func exitWithPendingFinalizer() {
	c := &cache{entries: map[int]*entry{1: {}}}
	runtime.SetFinalizer(c, func(*cache) { os.Stdout.WriteString("finalizer ran\n") })
}

func main() {
	if len(os.Args) == 2 && os.Args[1] == "exit" {
		exitWithPendingFinalizer()
		return
	}
	self, err := os.Executable()
	if err != nil {
		report.Fail("%v", err)
	}
	var stdout bytes.Buffer
	child := exec.Command(self, "exit")
	child.Stdout, child.Stderr = &stdout, os.Stderr
	if err := child.Run(); err != nil {
		report.Fail("child: %v", err)
	}
	report.Add("finalizerRanBeforeExit", "the finalizer of a dropped wrapper ran before the program exited", strings.Contains(stdout.String(), "finalizer ran"))
	report.Add("collectionsWithoutFinalizer", "collections until the map's contents were unreachable, no finalizer on the wrapper", collectionsUntilFreed(false))
	report.Add("collectionsWithFinalizer", "collections until the map's contents were unreachable, finalizer on the wrapper", collectionsUntilFreed(true))
	report.Print()
}
