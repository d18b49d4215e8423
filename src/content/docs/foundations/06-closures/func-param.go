package main

// visit calls an unknown function with a pointer: the compiler cannot see into f.
func visit(p *int, f func(*int)) {
	f(p)
}

func main() {
	n := 0
	visit(&n, func(q *int) { *q += 1 })
	println(n)
}
