package main

type point struct{ x, y int }

// Three spellings of "a pointer to a new point". The compiler treats them alike.
func spellings() int {
	a := new(point)
	b := &point{}
	var c point
	pc := &c
	a.x, b.x, pc.x = 1, 2, 3
	return a.x + b.x + pc.x
}

var keep *point

// Only what happens to the pointer decides where the point lives.
func kept() {
	a := new(point)
	keep = a
}

func main() {
	println(spellings())
	kept()
}
