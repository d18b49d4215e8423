package main

var global *int

// read only looks through p.
func read(p *int) int {
	return *p
}

// store keeps p in a global: whatever p points to must be on the heap.
func store(p *int) {
	global = p
}

// pass returns p: it escapes only if the caller lets the result escape.
func pass(p *int) *int {
	return p
}

// load returns what pp points to: one dereference away from pp.
func load(pp **int) *int {
	return *pp
}

// storeFirst keeps an element of s, not s itself.
func storeFirst(s []*int) {
	global = s[0]
}

func main() {
	a, b, c, d, e := 1, 2, 3, 4, 5
	println(read(&a))
	store(&b)
	println(*pass(&c))
	pd := &d
	println(*load(&pd))
	storeFirst([]*int{&e})
}
