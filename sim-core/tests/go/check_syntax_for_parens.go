//go:build ignore

// Syntax error: C-style parentheses around a for clause.
package main

import "fmt"

func main() {
	for (i := 0; i < 3; i++) {
		fmt.Println(i)
	}
}
