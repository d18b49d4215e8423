package main

type User struct{ Name *string }

func NewUser(name string) User {
	return User{&name}
}

func main() {
	u := NewUser("alice")
	println(*u.Name)
}
