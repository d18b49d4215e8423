package main

import "sync"

type User struct{ Name string }

// A typed face on a sync.Map: callers never see the interfaces.
type userCache struct {
	users sync.Map // string -> *User
}

func (c *userCache) put(name string, u *User) {
	c.users.Store(name, u)
}

func (c *userCache) get(name string) *User {
	v, _ := c.users.Load(name)
	u, _ := v.(*User)
	return u
}

func main() {
	var cache userCache
	cache.put("ann", &User{Name: "ann"})
	println(cache.get("ann").Name)
}
