//go:build ignore

// Compile error: package main without a func main.
package main

import "fmt"

func Main() {
	fmt.Println("capital M")
}
