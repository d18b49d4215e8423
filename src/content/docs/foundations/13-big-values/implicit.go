// oracle: allocs newAtLimit newOverLimit literalOverLimit
package main

type block [64 << 10]byte

type biggerBlock [64<<10 + 1]byte

// new, &T{} and composite literals may use up to 64 KiB of the frame.
func newAtLimit() {
	p := new(block)
	p[0] = 1
}

func newOverLimit() {
	p := new(biggerBlock)
	p[0] = 1
}

func literalOverLimit() {
	p := &biggerBlock{1}
	p[1] = 2
}

func main() {
	newAtLimit()
	newOverLimit()
	literalOverLimit()
}
