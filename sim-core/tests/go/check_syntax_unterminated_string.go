//go:build ignore

// Syntax error: a string literal that is not terminated.
package main

import "fmt"

func main() {
	fmt.Println("hello)
}
