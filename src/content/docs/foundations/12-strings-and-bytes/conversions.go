// oracle: allocs shortToBytes longToBytes shortToString longToString
package main

var short = "stack or heap?"
var long = "a string that is longer than thirty-two bytes"
var shortBytes = []byte(short)
var longBytes = []byte(long)

// Converts and changes a copy that never leaves the function.
//
//go:noinline
func shout(s string) byte {
	b := []byte(s)
	b[0] -= 'a' - 'A'
	return b[0]
}

// Converts bytes to a string that never leaves the function.
//
//go:noinline
func firstWord(b []byte) int {
	s := string(b)
	for i, r := range s {
		if r == ' ' {
			return i
		}
	}
	return len(s)
}

func shortToBytes() { shout(short) }

func longToBytes() { shout(long) }

func shortToString() { firstWord(shortBytes) }

func longToString() { firstWord(longBytes) }

func main() {
	println(shout(short), firstWord(longBytes))
}
