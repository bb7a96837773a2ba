//go:build ignore

// Compile error: a local variable is declared and never used.
package main

import "fmt"

func main() {
	x := 10
	y := 20
	fmt.Println(y)
}
