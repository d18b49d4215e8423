package main

type parseError struct {
	line int
}

func (e *parseError) Error() string { return "parse error" }

// fail panics with a pointer to a local: the panic value can be recovered anywhere up the stack.
func fail(line int) {
	e := parseError{line: line}
	panic(&e)
}

// failValue panics with a plain integer.
func failValue(line int) {
	panic(line)
}

// check returns an error that wraps a pointer; returned, so it escapes like any result.
func check(line int) error {
	if line < 0 {
		return &parseError{line: line}
	}
	return nil
}

func main() {
	defer func() { recover() }()
	println(check(1) != nil)
	failValue(2)
	fail(3)
}
