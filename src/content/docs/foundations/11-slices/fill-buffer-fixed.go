package main

// The caller owns the buffer; digits only fills it.
func digits(buf *[20]byte, n int) []byte {
	i := len(buf)
	for {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	return buf[i:]
}

func main() {
	var buf [20]byte
	println(string(digits(&buf, 2026)))
}
