//go:build ignore

// Compile error: returning two values from a function with one result.
package main

import "fmt"

func half(n int) int {
	return n / 2, n % 2
}

func main() {
	fmt.Println(half(5))
}
