//go:build ignore

// Escape: fmt.Println of a pointer moves its target to the heap (the pointer itself needs no box).
package main

import "fmt"

type Point struct{ X, Y int }

func main() {
	p := Point{1, 2}
	fmt.Println(&p)
	q := &Point{3, 4}
	fmt.Println(q)
	n := 5
	np := &n
	fmt.Println(*np)
	fmt.Println(q.X)
}
