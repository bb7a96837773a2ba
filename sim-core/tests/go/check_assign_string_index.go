//go:build ignore

// Compile error: strings are immutable, s[0] cannot be assigned.
package main

import "fmt"

func main() {
	s := "hello"
	s[0] = 'H'
	fmt.Println(s)
}
