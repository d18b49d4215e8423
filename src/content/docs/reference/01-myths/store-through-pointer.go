package main

type Profile struct{ Name string }

type User struct{ Profile *Profile }

//go:noinline
func rename(u *User, name string) {
	u.Profile.Name = name
}

func main() {
	p := Profile{}
	u := User{Profile: &p}
	rename(&u, "bob")
	println(p.Name)
}
