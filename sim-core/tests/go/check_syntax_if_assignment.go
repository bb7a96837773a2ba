//go:build ignore

// Syntax error: an assignment used as an if condition.
package main

import "fmt"

func main() {
	x := 0
	if x = 5 {
		fmt.Println(x)
	}
}
