//go:build ignore

// Syntax error: a multi-line composite literal without the trailing comma.
package main

import "fmt"

func main() {
	nums := []int{
		1,
		2,
		3
	}
	fmt.Println(nums)
}
