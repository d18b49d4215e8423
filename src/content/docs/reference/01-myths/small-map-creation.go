// oracle: allocs makeEmpty makeAndInsertOne
package main

var sink map[int]int

func makeEmpty() {
	sink = make(map[int]int)
}

func makeAndInsertOne() {
	m := make(map[int]int)
	m[1] = 1
	sink = m
}

func main() {
	makeEmpty()
	makeAndInsertOne()
}
