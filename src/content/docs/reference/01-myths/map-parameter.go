package main

func add(m map[string]int, key string) {
	m[key]++
}

func replace(m *map[string]int) {
	*m = map[string]int{}
}

func main() {
	counts := map[string]int{}
	add(counts, "go")
	println(counts["go"])
	replace(&counts)
	println(len(counts))
}
