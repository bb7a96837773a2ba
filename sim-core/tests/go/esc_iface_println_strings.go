//go:build ignore

// Escape: fmt.Println of string variables, constants and concatenations.
package main

import "fmt"

const greeting = "hello"

func main() {
	name := "gopher"
	fmt.Println(greeting)
	fmt.Println(name)
	fmt.Println(greeting + ", " + name)
	msg := greeting + " " + name
	fmt.Println(msg, len(msg))
	b := []byte("bytes")
	fmt.Println(string(b))
	r := 'x'
	fmt.Println(r, string(r))
}
