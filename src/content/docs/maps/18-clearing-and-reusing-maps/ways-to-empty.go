// oracle: allocs deleteEach clearAll makeNew assignNil
package main

const entries = 1000

var scores = make(map[int]int)

func refill() {
	for i := 0; i < entries; i++ {
		scores[i] = i
	}
}

// Empty the map, then fill it with 1,000 entries again.

func deleteEach() {
	for k := range scores {
		delete(scores, k)
	}
	refill()
}

func clearAll() {
	clear(scores)
	refill()
}

func makeNew() {
	scores = make(map[int]int)
	refill()
}

func assignNil() {
	scores = nil
	scores = map[int]int{}
	refill()
}

func main() {
	refill()
	deleteEach()
	clearAll()
	makeNew()
	assignNil()
}
