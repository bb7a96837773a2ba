//go:build ignore

// Compile error: assigning a two-result call to one variable.
package main

import (
	"fmt"
	"strconv"
)

func main() {
	n := strconv.Atoi("12")
	fmt.Println(n)
}
