//go:build ignore

// Escape: &x stored in a field of a struct that escapes (or is returned) versus a local struct.
package main

type Holder struct {
	P    *int
	Name string
}

func escapingHolder() *Holder {
	v := 1
	h := &Holder{P: &v}
	return h
}

func localHolder() int {
	v := 2
	h := Holder{P: &v}
	hp := &h
	return *hp.P
}

func valueHolder() Holder {
	v := 3
	return Holder{P: &v, Name: "value"}
}

func main() {
	h := escapingHolder()
	vh := valueHolder()
	println(*h.P, localHolder(), *vh.P)
}
