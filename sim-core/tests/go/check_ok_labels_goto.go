//go:build ignore

// Clean check: labelled break and continue, goto loops, switch inside for.
package main

import "fmt"

func main() {
	i := 0
loop:
	if i < 3 {
		fmt.Println("goto", i)
		i++
		goto loop
	}
outer:
	for a := 0; a < 3; a++ {
		for b := 0; b < 3; b++ {
			switch {
			case b == 1:
				continue outer
			case a == 2:
				break outer
			}
			fmt.Println(a, b)
		}
	}
}
