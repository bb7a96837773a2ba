//go:build ignore

// Compile error: an unused variable inside a function literal.
package main

import "fmt"

func main() {
	f := func() {
		tmp := 5
	}
	f()
	fmt.Println("done")
}
