package main

type pair struct{ a, b int }

func sum(p *pair) int { return p.a + p.b }

// total makes a new pair per iteration and only lends its address.
func total(n int) int {
	t := 0
	for i := 0; i < n; i++ {
		p := &pair{i, i * 2}
		t += sum(p)
	}
	return t
}

func main() {
	println(total(4))
}
