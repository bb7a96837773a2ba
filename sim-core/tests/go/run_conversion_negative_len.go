//go:build ignore

// Runtime error: make with a negative length computed at run time.
package main

import "fmt"

func main() {
	n := 3
	fmt.Println(len(make([]int, n)))
	n -= 5
	s := make([]int, n)
	fmt.Println(len(s))
}
