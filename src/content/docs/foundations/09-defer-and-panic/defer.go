package main

type file struct{ name string }

func (f *file) Close() { println("closing", f.name) }

// once defers a call at the top level of the function.
func once() {
	f := file{name: "a"}
	defer f.Close()
	println("working with", f.name)
}

// closure defers a function literal that reads a local.
func closure() {
	count := 0
	defer func() { println("count", count) }()
	count++
}

// inLoop defers inside a loop: the number of deferred calls is not known in advance.
func inLoop(names []string) {
	for _, name := range names {
		f := file{name: name}
		defer f.Close()
	}
}

func main() {
	once()
	closure()
	inLoop([]string{"b", "c"})
}
