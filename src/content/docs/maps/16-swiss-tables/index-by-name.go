// oracle: allocs indexFew indexMany
package main

var few = []string{"ann", "bob", "eve"}
var many = []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"}

// Builds a temporary index sized for the input, and uses it only here.
//
//go:noinline
func hasDuplicates(names []string) bool {
	seen := make(map[string]struct{}, len(names))
	for _, name := range names {
		if _, ok := seen[name]; ok {
			return true
		}
		seen[name] = struct{}{}
	}
	return false
}

// Builds an index for the caller.
func positions(names []string) map[string]int {
	index := make(map[string]int, len(names))
	for i, name := range names {
		index[name] = i
	}
	return index
}

func indexFew() { hasDuplicates(few) }

func indexMany() { hasDuplicates(many) }

func main() {
	println(hasDuplicates(few), len(positions(many)))
}
