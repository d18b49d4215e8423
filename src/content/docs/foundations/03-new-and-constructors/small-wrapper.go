package main

type Table struct {
	rows [8][8]int
	sum  int
	min  int
	max  int
	odd  int
}

// NewTable only allocates and delegates, so it is cheap enough to inline.
func NewTable(seed int) *Table {
	t := &Table{min: seed, max: seed}
	t.fill(seed)
	return t
}

// fill does the heavy work; it only borrows the pointer. Kept out of line, so that it does
// not count towards NewTable's inlining cost.
//
//go:noinline
func (t *Table) fill(seed int) {
	for i := range t.rows {
		for j := range t.rows[i] {
			v := seed*i + j
			if v%3 == 0 {
				v = -v
			}
			if v < t.min {
				t.min = v
			}
			if v > t.max {
				t.max = v
			}
			if v%2 != 0 {
				t.odd++
			}
			t.rows[i][j] = v
			t.sum += v
		}
	}
}

func main() {
	t := NewTable(7)
	println(t.sum, t.min, t.max)
}
