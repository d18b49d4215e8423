package main

type Item struct {
	ID   int
	Name string
}

type Registry struct {
	items []Item
}

// Add copies the item into the registry's own storage.
func (r *Registry) Add(it Item) {
	r.items = append(r.items, it)
}

func main() {
	var r Registry
	a := Item{ID: 1, Name: "a"}
	r.Add(a)
	println(len(r.items))
}
