// oracle: allocs passMap
package main

var sink any

var big = func() map[int]int {
	m := make(map[int]int)
	for i := 0; i < 100_000; i++ {
		m[i] = i
	}
	return m
}()

func passMap() { sink = big }

func main() {
	passMap()
	sink.(map[int]int)[-1] = 7
	println(big[-1])
}
