// oracle: allocs printSmall printLarge marshalLarge
package main

import (
	"encoding/json"
	"fmt"
	"io"
)

var small = map[int]int{1: 1}

var large = func() map[int]int {
	m := make(map[int]int, 1000)
	for i := 0; i < 1000; i++ {
		m[i] = i
	}
	return m
}()

func printSmall() { fmt.Fprintf(io.Discard, "%v", small) }

func printLarge() { fmt.Fprintf(io.Discard, "%v", large) }

func marshalLarge() { _, _ = json.Marshal(large) }

func main() {
	printSmall()
	printLarge()
	marshalLarge()
}
