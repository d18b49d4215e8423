package main

type Profile struct {
	Name string
}

type User struct {
	ID      int
	Profile *Profile
}

// rename writes through two pointers. It moves nothing: u and u.Profile are wherever
// their creators put them. Only the new name is stored somewhere that may outlive the call.
func rename(u *User, name string) {
	u.Profile.Name = name
}

func main() {
	p := Profile{Name: "old"}
	u := User{ID: 1, Profile: &p}
	rename(&u, "new")
	println(u.Profile.Name)
}
