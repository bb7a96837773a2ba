//go:build ignore

// Compile error: calling a value that is not a function.
package main

import "fmt"

func main() {
	length := 4
	fmt.Println(length(2))
}
