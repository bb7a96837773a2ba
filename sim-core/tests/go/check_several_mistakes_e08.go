//go:build ignore

// Several teaching-style mistakes at once (recorded from go build to differential-test the type checker).
package main

import "fmt"

func main() {
	x := 5
	x := 6
	y = 7
	fmt.Println(x + "a")
	var b bool = 1
	fmt.Println(b, !x)
	z := []int{1,2} + []int{3}
}
