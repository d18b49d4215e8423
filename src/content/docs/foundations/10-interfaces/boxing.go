// oracle: allocs boxConstant boxSmall boxLarge boxStruct boxPointer boxMap boxLocal
package main

type point struct{ x, y int }

var (
	sink  any
	small = 7
	large = 1000
	pt    = point{1, 2}
	table = map[string]int{"a": 1}
)

// boxConstant stores a constant in an interface.
func boxConstant() { sink = 42 }

// boxSmall stores a variable int below 256.
func boxSmall() { sink = small }

// boxLarge stores a variable int of 256 or more.
func boxLarge() { sink = large }

// boxStruct stores a two-word struct.
func boxStruct() { sink = pt }

// boxPointer stores a pointer: it fits in the interface as it is.
func boxPointer() { sink = &pt }

// boxMap stores a map, which is a pointer too.
func boxMap() { sink = table }

// boxLocal converts to an interface that never leaves the function.
func boxLocal() {
	var v any = large
	if n, ok := v.(int); ok && n < 0 {
		println(n)
	}
}

func main() {
	boxConstant()
	boxSmall()
	boxLarge()
	boxStruct()
	boxPointer()
	boxMap()
	boxLocal()
}
