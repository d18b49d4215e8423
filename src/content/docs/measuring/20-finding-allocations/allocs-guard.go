package main

import (
	"fmt"
	"os"
	"testing"
)

type point struct{ x, y int }

//go:noinline
func distance(a, b point) int {
	d := point{b.x - a.x, b.y - a.y}
	return d.x*d.x + d.y*d.y
}

// The check a test would make: this hot path must not allocate.
func main() {
	allocs := testing.AllocsPerRun(1000, func() {
		distance(point{1, 2}, point{4, 6})
	})
	if allocs != 0 {
		fmt.Println("distance allocates:", allocs, "per call")
		os.Exit(1)
	}
	fmt.Println("distance allocates nothing")
}
