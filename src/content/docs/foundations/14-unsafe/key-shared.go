package main

import "unsafe"

var index = make(map[string]int)

// Stores a key that shares b's bytes. Correct only because no caller ever changes b again.
func add(b []byte, position int) {
	index[unsafe.String(unsafe.SliceData(b), len(b))] = position
}

func main() {
	add([]byte("stack"), 1)
	println(index["stack"])
}
