//go:build ignore

// Syntax error: else on its own line after the closing brace.
package main

import "fmt"

func main() {
	n := 4
	if n%2 == 0 {
		fmt.Println("even")
	}
	else {
		fmt.Println("odd")
	}
}
