//go:build ignore

// Compile error: := in an inner scope shadows the outer variable and is never used.
package main

import "fmt"

func main() {
	err := fmt.Errorf("first")
	if true {
		err := fmt.Errorf("second")
	}
	fmt.Println(err)
}
