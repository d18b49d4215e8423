package main

type message struct {
	id   int
	body [32]byte
}

// sendValue sends a copy of m: the channel buffer holds the bytes.
func sendValue(ch chan message) {
	m := message{id: 1}
	ch <- m
}

// sendPointer sends &m: the receiver may keep it, on any goroutine.
func sendPointer(ch chan *message) {
	m := message{id: 2}
	ch <- &m
}

func main() {
	values := make(chan message, 1)
	pointers := make(chan *message, 1)
	sendValue(values)
	sendPointer(pointers)
	println((<-values).id, (<-pointers).id)
}
