//go:build ignore

// Compile error: a multiple-value call used in a single-value context.
package main

import "fmt"

func divmod(a, b int) (int, int) {
	return a / b, a % b
}

func main() {
	x := divmod(7, 2) + 1
	fmt.Println(x)
}
