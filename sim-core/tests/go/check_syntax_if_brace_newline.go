//go:build ignore

// Syntax error: the opening brace of an if on the next line (unexpected newline).
package main

import "fmt"

func main() {
	x := 1
	if x == 1
	{
		fmt.Println("one")
	}
}
