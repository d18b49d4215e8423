package main

type cache struct {
	entries map[string]int // emptied by reset
}

// Empties the map it already has.
func (c *cache) reset() {
	clear(c.entries)
}

func main() {
	c := &cache{entries: map[string]int{"a": 1}}
	c.reset()
	println(len(c.entries))
}
