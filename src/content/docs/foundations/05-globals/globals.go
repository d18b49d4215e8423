package main

type config struct {
	name    string
	retries int
}

// Package-level variables are static data: they are neither on a stack nor allocated.
var (
	defaults config
	lookup   [4096]int
	current  *config
)

// useDefaults points current at a global: nothing moves.
func useDefaults() {
	current = &defaults
}

// override points current at a local: the local must outlive the call.
func override(name string) {
	c := config{name: name, retries: 3}
	current = &c
}

// fill writes a large global in place; nothing is allocated.
func fill() {
	for i := range lookup {
		lookup[i] = i * i
	}
}

func main() {
	useDefaults()
	override("fast")
	fill()
	println(current.name, lookup[9])
}
