package main

type entry struct {
	key   string
	value []byte
}

// cache lives as long as the program: everything it points to does too.
var cache = map[string]*entry{}

func remember(key string, value []byte) {
	e := entry{key: key, value: value}
	cache[key] = &e
}

// lookupCopy returns a copy, so a caller's variable can stay on its stack.
func lookupCopy(key string) entry {
	if e, ok := cache[key]; ok {
		return *e
	}
	return entry{}
}

func main() {
	remember("k", []byte("v"))
	e := lookupCopy("k")
	println(e.key, len(e.value))
}
