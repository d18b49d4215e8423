package main

// 96 KiB: over the implicit limit, under the explicit one.
type buffer [96 << 10]byte

func declared() byte {
	var b buffer
	b[0] = 1
	return b[0]
}

func allocated() byte {
	b := new(buffer)
	b[0] = 1
	return b[0]
}

func main() { println(declared(), allocated()) }
