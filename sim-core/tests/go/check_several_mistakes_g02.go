//go:build ignore

// Several teaching-style mistakes at once (recorded from go build to differential-test the type checker).
package main

import "fmt"

func get() (int, string, error) { return 0, "", nil }

func main() {
	a, b := get()
	fmt.Println(a, b)
	var i int
	i, s := 1
	fmt.Println(i, s)
	x, y, z, w := get()
	fmt.Println(x, y, z, w)
	if v := get(); v != nil {
	}
	fmt.Println(get())
}
