//go:build ignore

// Compile error: taking the address of a function call result and of a constant.
package main

import "fmt"

const limit = 10

func value() int { return 3 }

func main() {
	p := &value()
	q := &limit
	fmt.Println(p, q)
}
