//go:build ignore

// Compile error: assigning a string to an int variable.
package main

import "fmt"

func main() {
	var age int
	age = "forty"
	fmt.Println(age)
}
