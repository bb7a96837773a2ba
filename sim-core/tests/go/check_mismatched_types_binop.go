//go:build ignore

// Compile error: binary + between an int variable and a string variable.
package main

import "fmt"

func main() {
	n := 5
	s := "apples"
	fmt.Println(n + s)
}
