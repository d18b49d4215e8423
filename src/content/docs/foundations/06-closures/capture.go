package main

// readOnly captures x, which is never changed after the closure is made.
func readOnly() int {
	x := 1
	f := func() int { return x }
	return f()
}

// modified captures y and changes it: the closure needs y's address.
func modified() int {
	y := 1
	inc := func() { y++ }
	inc()
	inc()
	return y
}

// counter returns a closure that changes what it captured.
func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

// constant returns a closure over a variable that never changes.
func constant() func() int {
	k := 42
	return func() int { return k }
}

func main() {
	next := counter()
	println(readOnly(), modified(), next(), constant()())
}
