//go:build ignore

// Escape: pointers passed through nested identity functions; escape depends on how the result is used.
package main

var sink *int

func id(p *int) *int   { return p }
func id2(p *int) *int  { return id(p) }
func pick(a, b *int, first bool) *int {
	if first {
		return a
	}
	return b
}

func main() {
	a := 1
	_ = id2(&a)
	b := 2
	sink = id2(id(&b))
	c, d := 3, 4
	e := pick(&c, &d, true)
	f := 5
	println(*e, *id(id(&f)), *sink)
}
