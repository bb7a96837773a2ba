//go:build ignore

// Several teaching-style mistakes at once (recorded from go build to differential-test the type checker).
package main

import "fmt"

func add(a int, b int) int {
	return a + b
}

func main() {
	total := add(1, "2")
	fmt.Println(total)
	fmt.Println(add(1.5, 2))
	var f float64 = 1
	fmt.Println(add(f, 2))
}
