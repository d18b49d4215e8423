package main

type Table struct {
	rows [8][8]int
	sum  int
	min  int
	max  int
	odd  int
}

// Init fills a Table that the caller owns; the caller decides where it lives.
func (t *Table) Init(seed int) {
	t.min, t.max = seed, seed
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
	var t Table
	t.Init(7)
	println(t.sum, t.min, t.max)
}
