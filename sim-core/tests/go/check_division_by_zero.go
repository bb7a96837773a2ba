//go:build ignore

// Compile error: constant division by zero.
package main

import "fmt"

func main() {
	n := 10
	fmt.Println(n / 0)
}
