//go:build ignore

// Syntax error: Go has no ternary operator (invalid character '?').
package main

import "fmt"

func main() {
	a, b := 1, 2
	m := a > b ? a : b
	fmt.Println(m)
}
