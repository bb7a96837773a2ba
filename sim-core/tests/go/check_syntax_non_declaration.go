//go:build ignore

// Syntax error: a statement (short variable declaration) outside a function body.
package main

import "fmt"

count := 0

func main() {
	fmt.Println(count)
}
