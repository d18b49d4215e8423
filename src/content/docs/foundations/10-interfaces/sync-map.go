package main

import "sync"

type User struct {
	Name string
	Age  int
}

var users sync.Map

// store hands a *User to sync.Map.Store, which takes `any` and keeps it.
func store(name string) {
	u := User{Name: name, Age: 30}
	users.Store(name, &u)
}

// load asserts the stored value back to *User: no copy, no allocation.
func load(name string) *User {
	v, ok := users.Load(name)
	if !ok {
		return nil
	}
	return v.(*User)
}

func main() {
	store("alice")
	byName := map[string]*User{}
	byName["alice"] = load("alice")
	println(byName["alice"].Age)
}
