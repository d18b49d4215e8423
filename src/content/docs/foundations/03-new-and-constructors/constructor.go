package main

type Buffer struct {
	data [64]byte
	n    int
}

// NewBuffer is the usual Go constructor: it returns a pointer to a new value.
func NewBuffer() *Buffer {
	return &Buffer{}
}

func (b *Buffer) WriteByte(c byte) {
	b.data[b.n] = c
	b.n++
}

func main() {
	b := NewBuffer()
	b.WriteByte('g')
	b.WriteByte('o')
	println(b.n)
}
