//go:build ignore

// Escape: a value escapes if any path lets it escape, regardless of control flow.
package main

var saved *int

func maybe(save bool) int {
	x := 1
	if save {
		saved = &x
	}
	return x
}

func neverCalled() int {
	y := 2
	if false {
		saved = &y
	}
	return y
}

func branches(n int) *int {
	a, b := 10, 20
	if n > 0 {
		return &a
	}
	p := &b
	return p
}

func main() {
	println(maybe(false), neverCalled(), *branches(1))
}
