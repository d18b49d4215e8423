package main

type Table struct {
	rows [8][8]int
	sum  int
	min  int
	max  int
	odd  int
}

// NewTable does enough work that it costs more than the inliner's budget.
func NewTable(seed int) *Table {
	t := &Table{min: seed, max: seed}
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
	return t
}

func main() {
	t := NewTable(7)
	println(t.sum, t.min, t.max)
}
