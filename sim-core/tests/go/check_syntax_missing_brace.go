//go:build ignore

// Syntax error: a function whose closing brace is missing (unexpected EOF).
package main

import "fmt"

func main() {
	for i := 0; i < 3; i++ {
		fmt.Println(i)
	}
