//go:build ignore

// Compile error: range over an int assigns ints, used as a string.
package main

import "fmt"

func main() {
	var name string
	for i := range 3 {
		name = i
	}
	fmt.Println(name)
}
