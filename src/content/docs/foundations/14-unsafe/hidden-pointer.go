package main

import "unsafe"

var keptPointer unsafe.Pointer
var keptAddress uintptr

// Keeps the address as an unsafe.Pointer: still a pointer.
func keepPointer() {
	x := 42
	keptPointer = unsafe.Pointer(&x)
}

// Keeps the address as a uintptr: just a number.
func keepAddress() {
	y := 42
	keptAddress = uintptr(unsafe.Pointer(&y))
}

func main() {
	keepPointer()
	keepAddress()
	println(*(*int)(keptPointer), keptAddress != 0)
}
