package main

type node struct {
	next *node
	val  int
}

// second returns a pointer found one step inside the list: it leaks the content of head.
func second(head *node) *node {
	return head.next
}

// keep stores head itself.
var kept *node

func keep(head *node) {
	kept = head
}

func main() {
	b := node{val: 2}
	a := node{next: &b, val: 1}
	println(second(&a).val)
	c := node{val: 3}
	keep(&c)
}
