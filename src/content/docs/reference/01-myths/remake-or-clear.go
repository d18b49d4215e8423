// oracle: allocs remakeAndFill clearAndFill deleteAllAndFill
package main

var users = make(map[int]int, 1000)

func fill() {
	for i := 0; i < 1000; i++ {
		users[i] = i
	}
}

func remakeAndFill() {
	users = make(map[int]int, 1000)
	fill()
}

func clearAndFill() {
	clear(users)
	fill()
}

func deleteAllAndFill() {
	for k := range users {
		delete(users, k)
	}
	fill()
}

func main() {
	fill()
	remakeAndFill()
	clearAndFill()
	deleteAllAndFill()
}
