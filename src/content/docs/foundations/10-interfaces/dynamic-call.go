package main

type Visitor interface {
	Visit(p *int)
}

type counter struct{ seen int }

func (c *counter) Visit(p *int) { c.seen += *p }

// walk calls a method it cannot see: the concrete type behind v is unknown here.
func walk(v Visitor, values []int) {
	for i := range values {
		v.Visit(&values[i])
	}
}

// direct calls the same method on the concrete type.
func direct(c *counter, values []int) {
	for i := range values {
		c.Visit(&values[i])
	}
}

func main() {
	c := &counter{}
	walk(c, []int{1, 2, 3})
	direct(c, []int{4, 5, 6})
	println(c.seen)
}
