package main

type counter struct{ n int }

var last *counter

// count keeps its counter in the frame: nothing refers to it after the return.
func count(k int) int {
	c := counter{}
	for i := 0; i < k; i++ {
		c.n++
	}
	return c.n
}

// remember stores the address of its local in a global: it must outlive the call.
func remember(k int) {
	c := counter{n: k}
	last = &c
}

func main() {
	println(count(3))
	remember(4)
	println(last.n)
}
