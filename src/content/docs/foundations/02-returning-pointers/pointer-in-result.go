package main

type User struct {
	Name *string
}

// NewUser returns a value, but the value holds the address of the parameter name.
func NewUser(name string) User {
	return User{Name: &name}
}

// NewUserCopy stores the string itself; the string header is copied, nothing escapes.
type UserCopy struct {
	Name string
}

func NewUserCopy(name string) UserCopy {
	return UserCopy{Name: name}
}

func main() {
	u := NewUser("gopher")
	c := NewUserCopy("gopher")
	println(*u.Name, c.Name)
}
