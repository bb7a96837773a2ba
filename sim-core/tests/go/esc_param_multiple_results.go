//go:build ignore

// Escape: parameters leaking to the second of several results, with levels.
package main

type Pair struct{ A, B *int }

func swap(a, b *int) (*int, *int) { return b, a }

func first(p Pair) *int { return p.A }

func deref(pp **int) (int, *int) { return **pp, *pp }

func main() {
	x, y := 1, 2
	s, t := swap(&x, &y)
	z := 3
	f := first(Pair{A: &z})
	w := 4
	pw := &w
	v, pv := deref(&pw)
	println(*s, *t, *f, v, *pv)
}
