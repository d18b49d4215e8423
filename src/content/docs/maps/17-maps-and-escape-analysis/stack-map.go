// oracle: allocs countEight countNine
package main

var words = []string{"a", "b", "c", "d", "e", "f", "g", "h", "i"}

// Counts distinct words with a map that never leaves the function.
//
//go:noinline
func distinct(words []string) int {
	seen := make(map[string]bool)
	for _, w := range words {
		seen[w] = true
	}
	return len(seen)
}

func countEight() { distinct(words[:8]) }

func countNine() { distinct(words[:9]) }

func main() { println(distinct(words)) }
