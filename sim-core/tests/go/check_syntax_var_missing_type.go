//go:build ignore

// Syntax error: var declaration with neither a type nor a value.
package main

import "fmt"

func main() {
	var x
	x = 1
	fmt.Println(x)
}
