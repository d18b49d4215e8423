// oracle: allocs fill4 fill33 fill128 fill129
package main

// Each function fills a fresh, non-escaping map with 8 values of one array size.

func fill4() {
	m := make(map[int][4]byte, 8)
	for i := 0; i < 8; i++ {
		m[i] = [4]byte{1}
	}
}

func fill33() {
	m := make(map[int][33]byte, 8)
	for i := 0; i < 8; i++ {
		m[i] = [33]byte{1}
	}
}

func fill128() {
	m := make(map[int][128]byte, 8)
	for i := 0; i < 8; i++ {
		m[i] = [128]byte{1}
	}
}

func fill129() {
	m := make(map[int][129]byte, 8)
	for i := 0; i < 8; i++ {
		m[i] = [129]byte{1}
	}
}

func main() {
	fill4()
	fill33()
	fill128()
	fill129()
}
