//go:build ignore

// Escape: closures called locally do not escape, even when they capture by reference.
package main

func sumTo(n int) int {
	total := 0
	add := func(k int) { total += k }
	for i := 1; i <= n; i++ {
		add(i)
	}
	return total
}

func immediate() int {
	x := 5
	return func() int { return x * 2 }()
}

func apply(f func(int) int, v int) int { return f(v) }

func viaParam() int {
	m := 3
	return apply(func(x int) int { return x * m }, 4)
}

func main() {
	println(sumTo(10), immediate(), viaParam())
}
