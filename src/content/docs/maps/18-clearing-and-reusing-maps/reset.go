package main

type cache struct {
	entries map[string]int // emptied by reset
}

// Replaces the map with a new, empty one.
func (c *cache) reset() {
	c.entries = make(map[string]int)
}

func main() {
	c := &cache{entries: map[string]int{"a": 1}}
	c.reset()
	println(len(c.entries))
}
