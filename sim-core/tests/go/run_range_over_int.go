//go:build ignore

// Output: Go 1.22 range over an int, over strings, arrays, and over a function-free counter.
package main

import "fmt"

func main() {
	for i := range 5 {
		fmt.Print(i, " ")
	}
	fmt.Println()
	for range 3 {
		fmt.Print("x")
	}
	fmt.Println()
	n := 0
	for range n {
		fmt.Println("never")
	}
	var total int64
	for i := range int64(4) {
		total += i
	}
	fmt.Println(total)
	const N = 3
	var grid [N][N]int
	for i := range N {
		for j := range N {
			grid[i][j] = i * j
		}
	}
	fmt.Println(grid)
}
