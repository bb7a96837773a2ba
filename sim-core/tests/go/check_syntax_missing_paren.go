//go:build ignore

// Syntax error: a call with a missing closing parenthesis.
package main

import "fmt"

func main() {
	fmt.Println("hello"
	fmt.Println("world")
}
