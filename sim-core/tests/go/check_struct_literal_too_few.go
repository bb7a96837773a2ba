//go:build ignore

// Compile error: too few values in a positional struct literal.
package main

import "fmt"

type Point3 struct {
	X, Y, Z int
}

func main() {
	p := Point3{1, 2}
	fmt.Println(p)
}
