package main

type User struct {
	Name string
	Age  int
}

// Stores the address of a local in a map that never leaves the function.
func oldest(names []string) int {
	byName := make(map[string]*User)
	for i, name := range names {
		u := User{Name: name, Age: i}
		byName[name] = &u
	}
	max := 0
	for _, u := range byName {
		if u.Age > max {
			max = u.Age
		}
	}
	return max
}

func main() { println(oldest([]string{"ann", "bob"})) }
