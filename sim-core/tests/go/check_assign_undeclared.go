//go:build ignore

// Compile error: plain assignment (=) to a name that was never declared.
package main

import "fmt"

func main() {
	total = 0
	for i := 0; i < 5; i++ {
		total += i
	}
	fmt.Println(total)
}
