//go:build ignore

// Compile error: the * operator is not defined on strings.
package main

import "fmt"

func main() {
	s := "ab"
	t := s * 3
	fmt.Println(t)
}
