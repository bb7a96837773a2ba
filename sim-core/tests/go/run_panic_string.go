//go:build ignore

// Runtime: explicit panic with a string after deferred prints.
package main

import "fmt"

func main() {
	defer fmt.Println("deferred in main runs before the crash report")
	for _, n := range []int{1, -2} {
		if n < 0 {
			panic(fmt.Sprintf("negative value: %d", n))
		}
		fmt.Println("ok", n)
	}
	fmt.Println("unreachable")
}
