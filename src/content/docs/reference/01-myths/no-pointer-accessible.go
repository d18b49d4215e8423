// oracle: compile-error
package main

import "runtime"

func main() {
	x := new(int)
	println(runtime.IsPointerAccessible(x))
}
