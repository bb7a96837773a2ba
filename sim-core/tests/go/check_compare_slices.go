//go:build ignore

// Compile error: slices can only be compared to nil.
package main

import "fmt"

func main() {
	a := []int{1, 2}
	b := []int{1, 2}
	fmt.Println(a == b)
}
