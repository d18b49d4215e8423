package main

func counter() *int {
	n := 0
	return &n
}

func main() {
	c := counter()
	*c++
	println(*c)
}
