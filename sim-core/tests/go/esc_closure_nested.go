//go:build ignore

// Escape: closures nested in closures capturing variables from two levels up.
package main

func outer() func() func() int {
	count := 0
	return func() func() int {
		step := 2
		return func() int {
			count += step
			return count
		}
	}
}

func nestedLocal() int {
	x := 1
	f := func() int {
		g := func() int { return x * 10 }
		return g() + 1
	}
	return f()
}

func main() {
	mk := outer()
	inc := mk()
	inc()
	println(inc(), nestedLocal())
}
