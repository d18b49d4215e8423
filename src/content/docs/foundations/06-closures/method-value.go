package main

type Meter struct{ total int }

func (m *Meter) Add(n int) { m.total += n }

// each calls f for 1, 2 and 3; it does not keep f.
func each(f func(int)) {
	for i := 1; i <= 3; i++ {
		f(i)
	}
}

var saved func(int)

func main() {
	var local Meter
	each(local.Add)

	var kept Meter
	saved = kept.Add
	saved(4)
	println(local.total, kept.total)
}
