//go:build ignore

// Runtime error: failed type assertion (interface conversion) panics.
package main

import "fmt"

func main() {
	var v any = "a string"
	n, ok := v.(int)
	fmt.Println(n, ok)
	s := v.(string)
	fmt.Println(s)
	i := v.(int)
	fmt.Println(i)
}
