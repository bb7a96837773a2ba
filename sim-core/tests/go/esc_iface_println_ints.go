//go:build ignore

// Escape: fmt.Println boxes ints: variables, constants, expressions and results of calls.
package main

import "fmt"

func square(n int) int { return n * n }

func main() {
	x := 7
	fmt.Println(x)
	fmt.Println(42)
	fmt.Println(x + 1)
	fmt.Println(square(x))
	var small int8 = 3
	var big int64 = 1 << 40
	fmt.Println(small, big, uint(9))
	for i := 0; i < 2; i++ {
		fmt.Println(i)
	}
}
