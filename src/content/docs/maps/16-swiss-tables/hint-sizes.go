// oracle: allocs hint0 hint8 hint9 hint1000
package main

var sink map[int64]int64

// Each function makes an escaping map with one size hint, and inserts nothing.

func hint0() { sink = make(map[int64]int64) }

func hint8() { sink = make(map[int64]int64, 8) }

func hint9() { sink = make(map[int64]int64, 9) }

func hint1000() { sink = make(map[int64]int64, 1000) }

func main() {
	hint0()
	hint8()
	hint9()
	hint1000()
}
