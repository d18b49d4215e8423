package main

type stockKey struct{ user, item int }

var stockByStruct = map[stockKey]int{{1000, 4200}: 3}

// The key is a comparable struct: nothing to format, nothing to allocate.
func lookup(user, item int) int {
	return stockByStruct[stockKey{user, item}]
}

func main() { println(lookup(1000, 4200)) }
