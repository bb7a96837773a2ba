//go:build ignore

// Escape: parameters leak to the matching result even through swapped multi-value calls, named results and mutual recursion.
package main

var gp *int

func pass2(p, q *int) (*int, *int) {
	return p, q
}

func swapped(p, q *int) (*int, *int) {
	return pass2(q, p)
}

func named(p, q *int) (r, s *int) {
	r, s = pass2(q, p)
	return
}

func both(p *int) (*int, *int) {
	return p, p
}

func chained() int {
	x := 7
	a, b := pass2(both(&x))
	return *a + *b
}

func chainedEscape() {
	y := 8
	a, _ := pass2(both(&y))
	gp = a
}

func ping(p, q *int) (*int, *int) {
	if *p > *q {
		return pong(q, p)
	}
	return p, q
}

func pong(p, q *int) (*int, *int) {
	if *p == *q {
		return p, q
	}
	return ping(q, p)
}

func main() {
	i, j := 1, 2
	a, b := swapped(&i, &j)
	println(*a, *b)
	k, l := 3, 4
	c, d := named(&k, &l)
	println(*c, *d)
	println(chained())
	chainedEscape()
	println(*gp)
	m, n := 5, 6
	e, f := ping(&m, &n)
	println(*e, *f)
}
