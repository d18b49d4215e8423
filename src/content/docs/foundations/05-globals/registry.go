package main

type Item struct {
	ID   int
	Name string
}

type Registry struct {
	items []*Item
}

// Add keeps the pointer it is given, inside a structure the caller owns.
func (r *Registry) Add(it *Item) {
	r.items = append(r.items, it)
}

func main() {
	var r Registry
	a := Item{ID: 1, Name: "a"}
	r.Add(&a)
	println(len(r.items))
}
