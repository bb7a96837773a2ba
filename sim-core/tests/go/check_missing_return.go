//go:build ignore

// Compile error: a function with a result can fall off the end without returning.
package main

import "fmt"

func sign(n int) string {
	if n > 0 {
		return "positive"
	} else if n < 0 {
		return "negative"
	}
}

func main() {
	fmt.Println(sign(3))
}
