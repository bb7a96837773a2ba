//go:build ignore

// Escape: make with a non-constant size (Go 1.27 reports does not escape with a heap fallback).
package main

func local(n int) int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return len(s)
}

func withCap(n int) int {
	s := make([]byte, 0, n)
	s = append(s, 1)
	return cap(s)
}

func returned(n int) []int {
	return make([]int, n)
}

func propagated() int {
	n := 10
	s := make([]int, n)
	return len(s)
}

func main() {
	println(local(5), withCap(3), len(returned(2)), propagated())
}
