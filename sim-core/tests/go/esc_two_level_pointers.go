//go:build ignore

// Escape: pointers to pointers: leaking at level 1 and 2, and storing through **p.
package main

var g *int

func storeThrough(pp **int) {
	v := 5
	*pp = &v
}

func read2(pp **int) int { return **pp }

func leakInner(pp **int) { g = *pp }

func main() {
	var p *int
	storeThrough(&p)
	x := 1
	px := &x
	y := 2
	py := &y
	leakInner(&py)
	println(*p, read2(&px), *g)
}
