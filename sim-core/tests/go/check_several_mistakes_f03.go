//go:build ignore

// Several teaching-style mistakes at once (recorded from go build to differential-test the type checker).
package main

import "fmt"

func counter() func() int {
	c := 0
	return func() int {
		c++
		return c
	}
}

func apply(xs []int, f func(int) int) []int {
	out := make([]int, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

func main() {
	c := counter()
	fmt.Println(c(), c())
	fmt.Println(apply([]int{1, 2}, func(x int) int { return x * x }))
	fmt.Println(apply([]int{1, 2}, func(x string) int { return 0 }))
	fmt.Println(apply([]int{1}))
	var total float64
	total += 1
	total += len("x")
	var k int = 3.7
	fmt.Println(total, k)
	fmt.Println(1 / 0)
	fmt.Printf("%d\n")
	var u uint8 = 255 + 1
	_ = u
}
