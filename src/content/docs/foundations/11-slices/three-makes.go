package main

func squares(n int) []int {
	scratch := make([]int, 8)
	sized := make([]int, n)
	result := make([]int, 16)
	for i := range result {
		result[i] = i * i
	}
	copy(scratch, result)
	copy(sized, scratch)
	return result
}

func main() { println(len(squares(4))) }
