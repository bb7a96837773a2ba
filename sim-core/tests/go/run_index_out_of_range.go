//go:build ignore

// Runtime error: index out of range on a slice in a helper function.
package main

import "fmt"

func get(s []int, i int) int {
	return s[i]
}

func main() {
	s := []int{10, 20, 30}
	for i := 0; i <= len(s); i++ {
		fmt.Println(i, get(s, i))
	}
}
