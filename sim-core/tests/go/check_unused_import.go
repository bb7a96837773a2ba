//go:build ignore

// Compile error: an imported package is never used.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello")
}
