// oracle: compile-error
package main

type User struct {
	Name string
	Age  int
}

func (u *User) Birthday() { u.Age++ }

func main() {
	users := map[string]User{"alice": {Name: "alice", Age: 30}}
	users["alice"].Age = 31
	users["alice"].Birthday()
}
