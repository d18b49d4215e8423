package main

type User struct {
	Name string
	Age  int
}

func (u *User) Birthday() { u.Age++ }

// Read, change the copy, write it back.
func birthdayByValue(users map[string]User, name string) {
	u := users[name]
	u.Birthday()
	users[name] = u
}

// Keep pointers in the map: the users live on the heap and can be changed in place.
func birthdayByPointer(users map[string]*User, name string) {
	users[name].Birthday()
}

func main() {
	byValue := map[string]User{"ann": {Name: "ann", Age: 30}}
	birthdayByValue(byValue, "ann")
	byPointer := map[string]*User{"ann": {Name: "ann", Age: 30}}
	birthdayByPointer(byPointer, "ann")
	println(byValue["ann"].Age, byPointer["ann"].Age)
}
