//go:build ignore

// Output: goto used for a loop and for jumping forward to cleanup code.
package main

import "fmt"

func find(xs []int, target int) int {
	i := 0
next:
	if i >= len(xs) {
		goto notFound
	}
	if xs[i] == target {
		return i
	}
	i++
	goto next
notFound:
	return -1
}

func main() {
	xs := []int{4, 8, 15, 16, 23, 42}
	fmt.Println(find(xs, 16), find(xs, 5))
	n := 0
again:
	n++
	fmt.Print(n, " ")
	if n < 5 {
		goto again
	}
	fmt.Println()
}
