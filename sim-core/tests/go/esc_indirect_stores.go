//go:build ignore

// Escape: stores through indirections (x.p = &i, *pp = &i, *p = *q) make the stored address escape even when the holder does not.
package main

var sink interface{}

type Holder struct {
	p    *int
	next *Holder
	n    int
}

func storeLocal() int {
	i := 1
	h := &Holder{}
	h.p = &i
	return *h.p
}

func storeReturned() *Holder {
	i := 2
	h := &Holder{}
	h.p = &i
	return h
}

func storeCopied() Holder {
	i := 3
	h := &Holder{}
	h.p = &i
	return *h
}

func throughParam(pp **int) {
	i := 4
	q := pp
	*q = &i
}

func copyInto(dst *Holder) {
	src := &Holder{n: 5}
	*dst = *src
}

func doublePointer() int {
	x := &Holder{n: 6}
	var p *Holder
	p = &Holder{next: x}
	var pp **Holder
	pp = &p
	return (**pp).next.n
}

func main() {
	println(storeLocal())
	println(*storeReturned().p)
	h := storeCopied()
	println(*h.p)
	var target *int
	throughParam(&target)
	println(*target)
	var d Holder
	copyInto(&d)
	println(d.n)
	println(doublePointer())
	sink = storeReturned()
	println(sink != nil)
}
