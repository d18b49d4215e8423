// oracle: allocs joinWithPlus joinWithBuilder
package main

import (
	"fmt"
	"strings"
	"testing"
)

var words = []string{"where", "does", "this", "value", "live"}

//go:noinline
func joinPlus(parts []string) string {
	s := ""
	for _, p := range parts {
		s += p + " "
	}
	return s
}

//go:noinline
func joinBuilder(parts []string) string {
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(p)
		b.WriteByte(' ')
	}
	return b.String()
}

func joinWithPlus() { joinPlus(words) }

func joinWithBuilder() { joinBuilder(words) }

// Runs both as benchmarks, as `go test -bench . -benchmem` would, and prints the figures.
func main() {
	for _, bench := range []struct {
		name string
		run  func()
	}{{"plus", joinWithPlus}, {"builder", joinWithBuilder}} {
		result := testing.Benchmark(func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				bench.run()
			}
		})
		fmt.Println(bench.name, result, result.MemString())
	}
}
