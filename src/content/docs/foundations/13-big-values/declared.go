// oracle: allocs declaredAtLimit declaredOverLimit
package main

// A variable you declare may use up to 128 KiB of the frame.
func declaredAtLimit() {
	var buf [128 << 10]byte
	buf[0] = 1
	_ = buf[len(buf)-1]
}

// One byte more, and the variable is moved to the heap.
func declaredOverLimit() {
	var buf [128<<10 + 1]byte
	buf[0] = 1
	_ = buf[len(buf)-1]
}

func main() {
	declaredAtLimit()
	declaredOverLimit()
}
