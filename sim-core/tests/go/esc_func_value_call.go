//go:build ignore

// Escape: calling through a func value: arguments escape; a known static call does not.
package main

func inspect(p *int) int { return *p }

func callIndirect(f func(*int) int) int {
	x := 1
	return f(&x)
}

func callDirect() int {
	y := 2
	return inspect(&y)
}

func callLocalVar() int {
	f := inspect
	z := 3
	return f(&z)
}

func main() {
	println(callIndirect(inspect), callDirect(), callLocalVar())
}
