// oracle: allocs insert128 insert136 update136
package main

type record128 struct{ fields [16]int64 }

type record136 struct{ fields [17]int64 }

var small = make(map[int]record128)
var large = make(map[int]record136)

// Inserts 8 new keys each call (the maps are cleared first).
func insert128() {
	clear(small)
	for i := 0; i < 8; i++ {
		small[i] = record128{}
	}
}

func insert136() {
	clear(large)
	for i := 0; i < 8; i++ {
		large[i] = record136{}
	}
}

// Overwrites 8 keys that are already there.
func update136() {
	for i := 0; i < 8; i++ {
		large[i] = record136{}
	}
}

func main() {
	insert128()
	insert136()
	update136()
}
