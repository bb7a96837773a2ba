//go:build ignore

// Compile error: continue used inside a switch that is not in a loop.
package main

import "fmt"

func main() {
	n := 3
	switch n {
	case 3:
		continue
	}
	fmt.Println(n)
}
