//go:build ignore

// Several teaching-style mistakes at once (recorded from go build to differential-test the type checker).
package main

import "fmt"

type Point struct{ X, Y int }

func main() {
	p := Point{X: 1, Z: 2}
	q := Point{1}
	r := Point{1, 2, 3}
	a := []int{1, 2}
	b := []int{1, 2}
	fmt.Println(p, q, r, a == b)
	var m map[[]int]string
	_ = m
	n := 5
	n.(int)
	for x := range n.Foo {
	}
	fmt.Println(*n)
}
