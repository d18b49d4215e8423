// oracle: allocs boxSmallInt boxConstant boxLargeInt boxLocalOnly
package main

var sink any

func boxSmallInt() { sink = 42 }

func boxConstant() { sink = "a constant string" }

var n = 1000

func boxLargeInt() { sink = n }

func boxLocalOnly() {
	var v any = n
	_ = v
}

func main() {
	boxSmallInt()
	boxConstant()
	boxLargeInt()
	boxLocalOnly()
}
