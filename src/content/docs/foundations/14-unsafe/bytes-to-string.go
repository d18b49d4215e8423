// oracle: allocs copyString shareString
package main

import "unsafe"

var names = make(map[string]int)
var name = []byte("a name that is longer than thirty-two bytes")

// string(b) copies: later changes to b do not show in the key.
//
//go:noinline
func remember(b []byte) {
	names[string(b)]++
}

// unsafe.String shares b's bytes: no copy, but b must never change again.
//
//go:noinline
func rememberShared(b []byte) {
	names[unsafe.String(unsafe.SliceData(b), len(b))]++
}

func copyString() { remember(name) }

func shareString() { rememberShared(name) }

func main() {
	remember(name)
	rememberShared(name)
	println(len(names))
}
