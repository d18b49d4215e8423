package main

// Returns an upper-case ASCII copy of s.
func upper(s string) []byte {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - ('a' - 'A')
		}
	}
	return b
}

func main() {
	for _, word := range []string{"stack", "heap"} {
		println(string(upper(word)))
	}
}
