// oracle: allocs smallLocal hintedLocal escapingEmpty escapingOne
package main

var sink map[int64]int64

// Never leaves the function, at most 8 entries: header and first bucket in the frame.
//
//go:noinline
func countSmall() int {
	m := make(map[int64]int64)
	for i := int64(0); i < 8; i++ {
		m[i] = i
	}
	return len(m)
}

// Never leaves the function, but the hint asks for room for 100 entries.
//
//go:noinline
func countHinted() int {
	m := make(map[int64]int64, 100)
	m[1] = 1
	return len(m)
}

// Escapes, and stays empty.
func escapingEmpty() {
	sink = make(map[int64]int64)
}

// Escapes, with one entry.
func escapingOne() {
	m := make(map[int64]int64)
	m[1] = 1
	sink = m
}

func smallLocal() { countSmall() }

func hintedLocal() { countHinted() }

func main() {
	println(countSmall(), countHinted())
	escapingEmpty()
	escapingOne()
}
