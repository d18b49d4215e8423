package main

type point struct{ x, y int }

func newPoint(x, y int) *point {
	p := point{x, y}
	return &p
}

func sum(p point) int {
	return p.x + p.y
}

func main() {
	p := newPoint(1, 2)
	println(sum(*p))
}
