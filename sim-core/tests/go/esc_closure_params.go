//go:build ignore

// Escape: functions taking func parameters, closures called in place, stored in a global or returned with a captured parameter.
package main

var saved func() int

func apply(f func(int) int, v int) int { return f(v) }

func keep(f func() int) { saved = f }

func adder(base *int) func(int) int {
	return func(d int) int { return *base + d }
}

func counter() func() int {
	c := 0
	return func() int {
		c++
		return c
	}
}

func main() {
	k := 10
	println(apply(func(x int) int { return x + k }, 5))
	n := 3
	r := func() int { return n * 2 }()
	println(r)
	m := 4
	keep(func() int { return m + 1 })
	println(saved())
	b := 100
	add := adder(&b)
	println(add(1))
	next := counter()
	next()
	println(next())
	total := 0
	for i := 0; i < 3; i++ {
		func() { total += i }()
	}
	println(total)
}
