// oracle: allocs collectFew collectMany
package main

var few, many = 3, 100

// Builds a slice that never leaves the function.
//
//go:noinline
func count(n int) int {
	var out []int
	for i := 0; i < n; i++ {
		out = append(out, i)
	}
	return len(out)
}

// Builds a slice and hands it to the caller.
func collect(n int) []int {
	var out []int
	for i := 0; i < n; i++ {
		out = append(out, i)
	}
	return out
}

func collectFew() { count(few) }

func collectMany() { count(many) }

func main() {
	println(count(few), len(collect(many)))
}
