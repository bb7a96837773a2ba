//go:build ignore

// Runtime: a recovered panic is re-raised with the same value ([recovered] marker).
package main

import "fmt"

func main() {
	defer func() {
		r := recover()
		fmt.Println("cleaning up after:", r)
		panic(r)
	}()
	var m map[string]int
	m["boom"]++
}
