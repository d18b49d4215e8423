// oracle: allocs freshEachCall reusedAcrossCalls
package main

var batch = []string{"go", "map", "stack", "heap", "gc", "frame", "slot", "group", "table", "hash", "seed", "key"}

// A new set for every batch.
//
//go:noinline
func distinctFresh(words []string) int {
	seen := make(map[string]bool)
	for _, w := range words {
		seen[w] = true
	}
	return len(seen)
}

// One set, kept by the caller and cleared for every batch.
type counter struct {
	seen map[string]bool // reused: cleared, never replaced
}

func newCounter() *counter {
	return &counter{seen: make(map[string]bool)}
}

//go:noinline
func (c *counter) distinct(words []string) int {
	clear(c.seen)
	for _, w := range words {
		c.seen[w] = true
	}
	return len(c.seen)
}

var shared = newCounter()

func freshEachCall() { distinctFresh(batch) }

func reusedAcrossCalls() { shared.distinct(batch) }

func main() {
	println(distinctFresh(batch), shared.distinct(batch))
}
