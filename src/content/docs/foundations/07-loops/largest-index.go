package main

// largest keeps the index of the best value instead of a pointer to a loop variable.
func largest(values []int) int {
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
	println(largest([]int{3, 9, 4}))
}
