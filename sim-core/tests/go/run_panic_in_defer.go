//go:build ignore

// Runtime: a deferred function panics while the function is already panicking (both are reported).
package main

import "fmt"

func main() {
	defer fmt.Println("outer defer runs")
	defer func() {
		panic("second panic from defer")
	}()
	panic("first panic")
}
