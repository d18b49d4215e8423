// oracle: compile-error
package main

//go:noinline
//go:nowritebarrier
func store(p **int, v *int) {
	*p = v
}

func main() {
	var x, y int
	p := &x
	store(&p, &y)
}
