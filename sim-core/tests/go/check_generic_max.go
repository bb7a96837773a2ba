//go:build ignore

// Uses a generic function with a type constraint (Escapade reports generics as not supported yet).
package main

import "fmt"

type Number interface {
	~int | ~float64
}

func Max[T Number](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func main() {
	fmt.Println(Max(3, 7), Max(2.5, 1.5))
}
