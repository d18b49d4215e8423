package main

// Appends an upper-case ASCII copy of s to dst: the caller owns, and can reuse, the buffer.
func appendUpper(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

func main() {
	var buf [64]byte
	for _, word := range []string{"stack", "heap"} {
		println(string(appendUpper(buf[:0], word)))
	}
}
