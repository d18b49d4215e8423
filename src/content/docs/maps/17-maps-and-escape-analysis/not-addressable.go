// oracle: compile-error
package main

type User struct {
	Name string
	Age  int
}

func (u *User) Birthday() { u.Age++ }

func main() {
	users := map[string]User{"ann": {Name: "ann", Age: 30}}
	p := &users["ann"]
	users["ann"].Age++
	users["ann"].Birthday()
	_ = p
}
