//go:build ignore

// Compile error: returning a value of the wrong type.
package main

import "fmt"

func name() string {
	return 42
}

func main() {
	fmt.Println(name())
}
