//go:build ignore

// Compile error: several different errors in one file, reported in source order.
package main

import (
	"fmt"
	"os"
)

func area(w, h int) int {
	return w * h
}

func main() {
	unused := 1
	var s string = 5
	fmt.Println(area(2))
	fmt.Println(undefinedThing)
}
