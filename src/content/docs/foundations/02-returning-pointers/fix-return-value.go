package main

type point struct{ x, y int }

// newPoint now returns the point itself; the caller decides where its copy lives.
func newPoint(x, y int) point {
	p := point{x, y}
	return p
}

func main() {
	a := newPoint(1, 2)
	println(a.x)
}
