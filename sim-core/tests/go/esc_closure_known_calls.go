//go:build ignore

// Escape: closures returning pointers: called directly where every call site is known, or returned.
package main

func direct() int {
	p := func() *int {
		x := 1
		return &x
	}()
	return *p
}

func viaVar() int {
	mk := func() *int {
		y := 2
		return &y
	}
	return *mk() + *mk()
}

func factory() func() *int {
	return func() *int {
		z := 3
		return &z
	}
}

func main() {
	println(direct(), viaVar(), *factory()())
}
