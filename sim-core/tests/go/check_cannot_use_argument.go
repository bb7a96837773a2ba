//go:build ignore

// Compile error: passing a string where the function wants an int.
package main

import "fmt"

func double(n int) int {
	return n * 2
}

func main() {
	fmt.Println(double("21"))
}
