package main

type Shape interface {
	Area() int
}

type Rect struct{ w, h int }

func (r *Rect) Area() int { return r.w * r.h }

// total takes an interface; on its own it can only make dynamic calls.
func total(shapes ...Shape) int {
	sum := 0
	for _, s := range shapes {
		sum += s.Area()
	}
	return sum
}

func main() {
	// The compiler can see the concrete type here, and calls Rect.Area directly.
	var s Shape = &Rect{2, 3}
	println(s.Area())
	println(total(&Rect{1, 1}))
}
