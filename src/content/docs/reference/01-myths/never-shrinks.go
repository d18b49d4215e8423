// oracle: allocs emptyAndRefill
package main

var table = make(map[int]int)

func fill(n int) {
	for i := 0; i < n; i++ {
		table[i] = i
	}
}

func emptyAndRefill() {
	for i := 0; i < 10_000; i++ {
		delete(table, i)
	}
	fill(10_000)
}

func main() {
	fill(10_000)
	emptyAndRefill()
}
