//go:build ignore

// Syntax error: an invalid character (#) in the source.
package main

import "fmt"

func main() {
	x := 3 # 4
	fmt.Println(x)
}
