package main

import "sync"

type User struct{ Name string }

var cache sync.Map

func remember(name string) {
	u := &User{Name: name}
	cache.Store(name, u)
}

func copyOut() map[string]*User {
	plain := make(map[string]*User)
	cache.Range(func(k, v any) bool {
		plain[k.(string)] = v.(*User)
		return true
	})
	return plain
}

func main() {
	remember("alice")
	println(len(copyOut()))
}
