// oracle: allocs makeSmall makeLarge
package main

var small, large = 16, 64

// The size is only known at run time.
//
//go:noinline
func checksum(n int) int {
	buf := make([]byte, n)
	for i := range buf {
		buf[i] = byte(i)
	}
	return int(buf[n-1])
}

func makeSmall() { checksum(small) }

func makeLarge() { checksum(large) }

func main() {
	println(checksum(small), checksum(large))
}
