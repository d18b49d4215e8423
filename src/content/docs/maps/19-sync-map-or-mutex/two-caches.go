// oracle: allocs mutexLoad mutexStore syncLoad syncStore
package main

import "sync"

// A map guarded by a mutex.
type lockedCounts struct {
	mu     sync.Mutex
	counts map[string]int // guarded by mu
}

func (c *lockedCounts) load(key string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.counts[key]
}

func (c *lockedCounts) store(key string, n int) {
	c.mu.Lock()
	c.counts[key] = n
	c.mu.Unlock()
}

var locked = &lockedCounts{counts: map[string]int{}}
var synced sync.Map
var key = string([]byte("requests"))

func mutexLoad() { locked.load(key) }

func mutexStore() { locked.store(key, 1000) }

func syncLoad() { synced.Load(key) }

func syncStore() { synced.Store(key, 1000) }

func main() {
	mutexStore()
	syncStore()
	mutexLoad()
	syncLoad()
}
