package main

var keep *int

func count(values []int) int {
	total := 0
	for _, v := range values {
		total := total + v // shadows the outer total: this is what vet's shadow check reports
		keep = &total
	}
	return total
}

func main() { println(count([]int{1, 2, 3})) }
