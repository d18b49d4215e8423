package main

// Slicing a local array that stays inside the function.
func sumFirst(n int) int {
	var buf [16]int
	s := buf[:n]
	total := 0
	for i := range s {
		s[i] = i
		total += s[i]
	}
	return total
}

// Returning a slice of a local array.
func firstHalf() []int {
	var buf [16]int
	return buf[:8]
}

func main() {
	println(sumFirst(4), len(firstHalf()))
}
