//go:build ignore

// Compile error: the expression in defer must be a function call.
package main

import "fmt"

func main() {
	f := func() { fmt.Println("bye") }
	defer f
}
