package main

type point struct{ x, y int }

func newPoint(x, y int) *point {
	return &point{x, y}
}

func main() {
	p := newPoint(1, 2)
	println(p.x + p.y)
}
