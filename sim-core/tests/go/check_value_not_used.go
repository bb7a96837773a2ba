//go:build ignore

// Compile error: an expression statement whose value is not used.
package main

import "fmt"

func main() {
	x := 2
	x + 1
	fmt.Println(x)
}
