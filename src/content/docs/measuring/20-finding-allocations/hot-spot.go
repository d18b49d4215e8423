// oracle: allocs formattedKey structKey itoaKey
package main

import (
	"fmt"
	"strconv"
)

// Three ways to look up stock by user and item.

var stockByText = map[string]int{"1000/4200": 3}

type stockKey struct{ user, item int }

var stockByStruct = map[stockKey]int{{1000, 4200}: 3}

//go:noinline
func lookupText(user, item int) int {
	return stockByText[fmt.Sprintf("%d/%d", user, item)]
}

//go:noinline
func lookupStruct(user, item int) int {
	return stockByStruct[stockKey{user, item}]
}

//go:noinline
func lookupItoa(user, item int) int {
	return stockByText[strconv.Itoa(user)+"/"+strconv.Itoa(item)]
}

func formattedKey() { lookupText(1000, 4200) }

func structKey() { lookupStruct(1000, 4200) }

func itoaKey() { lookupItoa(1000, 4200) }

func main() {
	println(lookupText(1000, 4200), lookupStruct(1000, 4200), lookupItoa(1000, 4200))
}
