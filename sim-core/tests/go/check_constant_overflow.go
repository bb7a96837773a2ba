//go:build ignore

// Compile error: constant 300 overflows byte.
package main

import "fmt"

func main() {
	var b byte = 300
	fmt.Println(b)
}
