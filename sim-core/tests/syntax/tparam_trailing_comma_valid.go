package main

type T[P *int,] struct{ p P }

type U[P interface{ ~int | ~string }] struct{ p P }

func main() {
	var t T[*int]
	var u U[int]
	_, _ = t, u
}
