//go:build ignore

// Clean check: closures with state, variadic functions, spreading a slice with ...
package main

import "fmt"

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func sum(label string, nums ...int) string {
	t := 0
	for _, n := range nums {
		t += n
	}
	return fmt.Sprintf("%s=%d", label, t)
}

func main() {
	next := counter()
	next()
	next()
	fmt.Println(next())
	fmt.Println(sum("none"), sum("three", 1, 2, 3))
	xs := []int{4, 5, 6}
	fmt.Println(sum("spread", xs...))
	apply := func(f func(int) int, v int) int { return f(v) }
	fmt.Println(apply(func(x int) int { return x * x }, 7))
}
