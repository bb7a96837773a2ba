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

func Zero[T any]() T {
	var z T
	return z
}

func main() {
	fmt.Println(Max("a", "b"))
	fmt.Println(Zero())
}
