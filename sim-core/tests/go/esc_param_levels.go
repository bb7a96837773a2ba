//go:build ignore

// Escape: leak levels: results reached through one and two dereferences of a parameter.
package main

type Inner struct{ P *int }
type Outer struct{ In *Inner }

func level0(o *Outer) *Outer { return o }
func level1(o *Outer) *Inner { return o.In }
func level2(o *Outer) *int   { return o.In.P }
func level2pp(ppp ***int) *int { return **ppp }

func main() {
	v := 1
	in := Inner{P: &v}
	o := Outer{In: &in}
	a := level0(&o)
	b := level1(&o)
	c := level2(&o)
	w := 2
	pw := &w
	ppw := &pw
	d := level2pp(&ppw)
	println(a.In.P == b.P, *c, *d)
}
