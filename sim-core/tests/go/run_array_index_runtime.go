//go:build ignore

// Runtime error: index out of range on an array with a computed index.
package main

import "fmt"

func main() {
	var arr [5]int
	for i := range arr {
		arr[i] = i * 2
	}
	idx := len(arr) + 2
	fmt.Println(arr)
	fmt.Println(arr[idx%8])
}
