//go:build ignore

// Syntax error: an extra closing brace after a function.
package main

import "fmt"

func main() {
	fmt.Println("hi")
}
}
