package main

type point struct{ x, y int }

// scale writes through the pointer it is given and keeps nothing.
func scale(p *point, k int) {
	p.x *= k
	p.y *= k
}

// identity hands the pointer straight back.
func identity(p *point) *point {
	return p
}

func main() {
	p := point{1, 2}
	scale(&p, 3)
	q := identity(&p)
	println(q.x)
}
