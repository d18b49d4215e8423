package main

type point struct{ x, y int }

// newPoint returns the address of a local: p must outlive the call.
func newPoint(x, y int) *point {
	p := point{x, y}
	return &p
}

// makePoint returns a copy of a local: the caller gets the bytes, not an address.
func makePoint(x, y int) point {
	p := point{x, y}
	return p
}

func main() {
	a := newPoint(1, 2)
	b := makePoint(3, 4)
	println(a.x + b.y)
}
