//go:build ignore

// Compile error: a float constant that would be truncated when assigned to an int.
package main

import "fmt"

func main() {
	var n int = 3.5
	fmt.Println(n)
}
