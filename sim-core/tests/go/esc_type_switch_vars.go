//go:build ignore

// A type switch declares one variable per clause; gc places each at the
// clause's last type (or its default keyword), where it reports it.
package main

import "fmt"

var sink any

func describe(v any) *int {
	switch x := v.(type) {
	case int:
		return &x
	case string, bool:
		sink = &x
	case nil:
		fmt.Println("nil")
	default:
		sink = &x
	}
	return nil
}

func main() {
	fmt.Println(*describe(7))
	fmt.Println(describe("s") == nil, describe(nil) == nil, describe(2.5) == nil)
}
