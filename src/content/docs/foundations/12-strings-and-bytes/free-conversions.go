// oracle: allocs lookupByBytes compareBytes rangeOverBytes readOnlyBytes
package main

var counts = map[string]int{"heap": 1}
var key = []byte("a key that is longer than thirty-two bytes")
var text = "a string that is longer than thirty-two bytes"

//go:noinline
func lookup(b []byte) int { return counts[string(b)] }

//go:noinline
func isHeap(b []byte) bool { return string(b) == "heap" }

//go:noinline
func countSpaces(s string) (n int) {
	for _, c := range []byte(s) {
		if c == ' ' {
			n++
		}
	}
	return n
}

//go:noinline
func sum(s string) (total int) {
	b := []byte(s)
	for _, c := range b {
		total += int(c)
	}
	return total
}

func lookupByBytes() { lookup(key) }

func compareBytes() { isHeap(key) }

func rangeOverBytes() { countSpaces(text) }

func readOnlyBytes() { sum(text) }

func main() {
	println(lookup(key), isHeap(key), countSpaces(text), sum(text))
}
