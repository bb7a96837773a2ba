//go:build ignore

// Syntax error: x++ is a statement, not an expression.
package main

import "fmt"

func main() {
	x := 1
	y := x++
	fmt.Println(x, y)
}
