// oracle: allocs atLimit overLimit
package main

// A slice whose size is a constant can live in the frame, up to 64 KiB.
func atLimit() {
	buf := make([]byte, 64<<10)
	buf[0] = 1
}

// One byte more, and the backing array goes to the heap.
func overLimit() {
	buf := make([]byte, 64<<10+1)
	buf[0] = 1
}

func main() {
	atLimit()
	overLimit()
}
