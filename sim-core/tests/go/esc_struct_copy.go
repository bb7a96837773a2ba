//go:build ignore

// Escape: copying structs that contain pointers; the copy escapes, the original's pointee follows.
package main

type Box struct {
	P *int
	N int
}

var global Box

func copyOut() Box {
	v := 1
	b := Box{P: &v}
	c := b
	return c
}

func copyGlobal() {
	v := 2
	b := Box{P: &v, N: 1}
	global = b
}

func copyLocal() int {
	v := 3
	b := Box{P: &v}
	c := b
	c.N = 4
	return *c.P + c.N
}

func main() {
	copyGlobal()
	println(*copyOut().P, *global.P, copyLocal())
}
