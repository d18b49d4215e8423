package main

// makeGetters returns one closure per iteration, each reading the loop variable.
func makeGetters() []func() int {
	var getters []func() int
	for i := 0; i < 3; i++ {
		getters = append(getters, func() int { return i })
	}
	return getters
}

func main() {
	for _, get := range makeGetters() {
		println(get())
	}
}
