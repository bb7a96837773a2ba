//go:build ignore

// Compile error: an int used as an if condition.
package main

import "fmt"

func main() {
	n := 1
	if n {
		fmt.Println("true")
	}
}
