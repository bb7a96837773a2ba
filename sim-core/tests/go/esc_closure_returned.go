//go:build ignore

// Escape: a returned closure escapes and takes the captured counter (by reference) with it.
package main

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func adder(base int) func(int) int {
	return func(x int) int { return base + x }
}

func main() {
	c := counter()
	c()
	add := adder(10)
	println(c(), add(5))
}
