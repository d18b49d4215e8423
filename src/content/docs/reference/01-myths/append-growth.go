package main

func grow(n int) int {
	s := make([]int, 0, 4)
	p := &s[:1][0]
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return *p + len(s)
}

func main() { println(grow(100)) }
