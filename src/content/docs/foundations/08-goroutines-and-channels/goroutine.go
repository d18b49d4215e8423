package main

import "sync"

type job struct{ id, result int }

// run starts a goroutine that writes into a job owned by run's caller.
func run(wg *sync.WaitGroup) int {
	j := job{id: 7}
	wg.Add(1)
	go func() {
		defer wg.Done()
		j.result = j.id * 2
	}()
	wg.Wait()
	return j.result
}

// square is started with go and a plain argument: the value is copied.
func square(n int, out chan<- int) {
	out <- n * n
}

func main() {
	var wg sync.WaitGroup
	println(run(&wg))
	out := make(chan int, 1)
	go square(3, out)
	println(<-out)
}
