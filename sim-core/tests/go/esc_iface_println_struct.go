//go:build ignore

// Escape: fmt.Println of struct values, slices, arrays and maps boxes them.
package main

import "fmt"

type Point struct{ X, Y int }

type Named struct {
	Name string
	Tags []string
}

func main() {
	p := Point{1, 2}
	fmt.Println(p)
	fmt.Println(Point{3, 4})
	n := Named{"a", []string{"x", "y"}}
	fmt.Println(n)
	s := []int{1, 2, 3}
	fmt.Println(s)
	arr := [2]bool{true, false}
	fmt.Println(arr)
	m := map[string]int{"k": 1}
	fmt.Println(m)
}
