//go:build ignore

// Compile error: a label that is defined and never used.
package main

import "fmt"

func main() {
outer:
	for i := 0; i < 3; i++ {
		fmt.Println(i)
	}
}
