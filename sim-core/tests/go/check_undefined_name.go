//go:build ignore

// Compile error: use of an undefined name (typo in a variable name).
package main

import "fmt"

func main() {
	count := 3
	fmt.Println(cuont)
}
