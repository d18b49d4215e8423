package main

var index = make(map[string]int)

// Stores a key made from bytes that are never changed afterwards.
func add(b []byte, position int) {
	index[string(b)] = position
}

func main() {
	add([]byte("stack"), 1)
	println(index["stack"])
}
