package main

import "unsafe"

//go:noinline
func useAddress(addr uintptr) uintptr { return addr % 64 }

// A conversion to uintptr in the argument list of a call.
func alignment() uintptr {
	var buf [16]byte
	return useAddress(uintptr(unsafe.Pointer(&buf)))
}

func main() { println(alignment() < 64) }
