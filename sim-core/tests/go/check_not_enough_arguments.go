//go:build ignore

// Compile error: calling a function with too few arguments (have/want lines).
package main

import "fmt"

func greet(greeting string, name string, times int) {
	for i := 0; i < times; i++ {
		fmt.Println(greeting, name)
	}
}

func main() {
	greet("hi", "bob")
}
