//go:build ignore

// Compile error: package-level variables that depend on each other (initialization cycle).
package main

import "fmt"

var a = b + 1
var b = a + 1

func main() {
	fmt.Println(a, b)
}
