//go:build ignore

// Escape: zero-size types: struct{} values, make of zero-size elements, [0]int arrays.
package main

type empty struct{}

var sink *empty

func zeroMake(n int) int {
	s := make([]struct{}, n)
	return len(s)
}

func zeroNew() bool {
	a := new(empty)
	b := new(empty)
	sink = b
	return a != nil
}

func zeroArray() int {
	var z [0]int
	p := &z
	return len(p)
}

func main() {
	set := map[string]struct{}{"x": {}}
	println(zeroMake(3), zeroNew(), zeroArray(), len(set))
}
