//go:build ignore

// Syntax error: more than one character in a rune literal.
package main

import "fmt"

func main() {
	c := 'ab'
	fmt.Println(c)
}
