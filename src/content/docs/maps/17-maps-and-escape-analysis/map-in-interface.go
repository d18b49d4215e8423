// oracle: allocs mapToAny sliceToAny
package main

var sink any

var counts = map[string]int{"go": 1}
var names = []string{"go"}

// A map is one pointer: it fits in an interface as it is.
func mapToAny() { sink = counts }

// A slice is three words: converting it copies the header to the heap.
func sliceToAny() { sink = names }

func main() {
	mapToAny()
	sliceToAny()
}
