//go:build ignore

// Runtime: panic(nil) becomes a *runtime.PanicNilError since Go 1.21.
package main

import "fmt"

func main() {
	defer func() {
		r := recover()
		fmt.Printf("%T %v\n", r, r)
		panic(nil)
	}()
	panic(nil)
}
