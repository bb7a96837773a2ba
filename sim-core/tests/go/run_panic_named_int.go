//go:build ignore

// Runtime: panic with a named non-error type and a Stringer-free struct-free value.
package main

import "fmt"

type Code int

func main() {
	fmt.Println("about to panic")
	panic(Code(404))
}
