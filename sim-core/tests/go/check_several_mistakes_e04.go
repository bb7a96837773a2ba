//go:build ignore

// Several teaching-style mistakes at once (recorded from go build to differential-test the type checker).
package main

import "fmt"

func main() {
	nums := []int{1, 2, 3}
	for i, n := range nums {
		fmt.Println(n)
	}
	m := map[string]int{"a": 1}
	m.b = 2
	var x int
	x = nil
	if x {
	}
	s := "hi"
	s[0] = 'H'
}
