package main

type reply struct{ n int }

// firstReply waits on two channels; only what is sent or received moves through them.
func firstReply(a, b chan *reply, done chan struct{}) int {
	local := reply{n: -1}
	select {
	case r := <-a:
		return r.n
	case r := <-b:
		return r.n
	case done <- struct{}{}:
		return local.n
	}
}

// offer sends a pointer to its local in a select case.
func offer(out chan *reply) bool {
	r := reply{n: 1}
	select {
	case out <- &r:
		return true
	default:
		return false
	}
}

func main() {
	a := make(chan *reply, 1)
	b := make(chan *reply)
	done := make(chan struct{}, 1)
	a <- &reply{n: 5}
	println(firstReply(a, b, done), offer(b))
}
