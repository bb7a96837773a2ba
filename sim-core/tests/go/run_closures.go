//go:build ignore

// Output: closures sharing state, generators, closures over parameters and captured loop values.
package main

import "fmt"

func counter() (func() int, func()) {
	n := 0
	return func() int { n++; return n }, func() { n = 100 }
}

func fib() func() int {
	a, b := 0, 1
	return func() int {
		r := a
		a, b = b, a+b
		return r
	}
}

func main() {
	inc, reset := counter()
	fmt.Println(inc(), inc(), inc())
	reset()
	fmt.Println(inc())
	f := fib()
	for i := 0; i < 10; i++ {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	mult := func(k int) func(int) int { return func(x int) int { return x * k } }
	double, triple := mult(2), mult(3)
	fmt.Println(double(5), triple(5))
	x := 1
	show := func() { fmt.Println("x is", x) }
	x = 2
	show()
}
