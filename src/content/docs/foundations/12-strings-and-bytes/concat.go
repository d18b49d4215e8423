// oracle: allocs joinShort joinLong joinKept
package main

var first, last = "Ada", "Lovelace"
var longFirst = "Augusta Ada King, Countess of Lovelace"
var kept string

//go:noinline
func greetingLength(a, b string) int {
	s := a + " " + b
	return len(s)
}

//go:noinline
func greeting(a, b string) string {
	return a + " " + b
}

func joinShort() { greetingLength(first, last) }

func joinLong() { greetingLength(longFirst, last) }

func joinKept() { kept = greeting(first, last) }

func main() {
	println(greetingLength(first, last), greeting(first, last))
}
