package main

import "os"

// Reads a file in 64 KiB pieces: small enough for the frame.
func checksum(f *os.File) (sum byte) {
	var buf [64 << 10]byte
	for {
		n, err := f.Read(buf[:])
		for _, b := range buf[:n] {
			sum += b
		}
		if err != nil {
			return sum
		}
	}
}

func main() {
	f, err := os.Open("/etc/hostname")
	if err != nil {
		return
	}
	defer f.Close()
	println(checksum(f))
}
