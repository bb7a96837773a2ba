//go:build ignore

// Escape: the hidden ... slice of fmt calls does not escape; its boxed elements do.
package main

import "fmt"

func main() {
	a, b := 1, "two"
	fmt.Println(a, b)
	fmt.Printf("%d-%s\n", a, b)
	s := fmt.Sprint(a, b)
	fmt.Print(s, "\n")
	args := []any{a, b, 3.0}
	fmt.Println(args...)
	fmt.Println()
}
