package main

type User struct{ Name string }

func index() int {
	users := make(map[string]*User)
	u := User{Name: "alice"}
	users[u.Name] = &u
	return len(users)
}

func main() { println(index()) }
