// oracle: compile-error
package main

type node struct{ next *node }

// A pragma some blog posts suggest for "controlling escape analysis".
// Outside the runtime, the compiler refuses it.
//
//go:nowritebarrier
func link(a, b *node) {
	a.next = b
}

func main() {
	var a, b node
	link(&a, &b)
}
