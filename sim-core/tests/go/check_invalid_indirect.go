//go:build ignore

// Compile error: dereferencing a value that is not a pointer.
package main

import "fmt"

func main() {
	n := 7
	fmt.Println(*n)
}
