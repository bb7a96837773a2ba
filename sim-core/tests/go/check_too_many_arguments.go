//go:build ignore

// Compile error: calling a function with too many arguments (have/want lines).
package main

import "fmt"

func add(a, b int) int {
	return a + b
}

func main() {
	fmt.Println(add(1, 2, 3))
}
