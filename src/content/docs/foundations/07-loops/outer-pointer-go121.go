//go:build go1.21

// The build line above makes this file use the Go 1.21 language rules: one loop variable
// for the whole loop, shared by every iteration.
package main

// largest keeps a pointer, declared outside the loop, to a variable declared inside it.
func largest(values []int) int {
	var best *int
	for _, v := range values {
		if best == nil || v > *best {
			best = &v
		}
	}
	if best == nil {
		return 0
	}
	return *best
}

// largestIndex keeps an index instead, and nothing needs the heap.
func largestIndex(values []int) int {
	best := -1
	for i, v := range values {
		if best < 0 || v > values[best] {
			best = i
		}
	}
	if best < 0 {
		return 0
	}
	return values[best]
}

func main() {
	values := []int{3, 9, 4}
	println(largest(values), largestIndex(values))
}
