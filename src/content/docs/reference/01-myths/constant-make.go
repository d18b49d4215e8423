// oracle: allocs makeConstant
package main

func makeConstant() {
	s := make([]int, 1024)
	_ = s[0]
}

func main() { makeConstant() }
