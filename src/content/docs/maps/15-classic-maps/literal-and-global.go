package main

// A package-level map: built at program start, always on the heap.
var ports = map[string]int{"http": 80, "https": 443}

// A literal that never leaves the function.
func isWellKnown(name string) bool {
	known := map[string]bool{"http": true, "https": true, "ssh": true}
	return known[name]
}

// A literal that is returned.
func defaults() map[string]int {
	return map[string]int{"timeout": 30, "retries": 3}
}

func main() {
	println(isWellKnown("ssh"), ports["http"], len(defaults()))
}
