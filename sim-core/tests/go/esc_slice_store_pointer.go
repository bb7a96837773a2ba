//go:build ignore

// Escape: &x stored in a slice that is returned escapes; in a slice kept local it does not.
package main

func collect() []*int {
	a, b := 1, 2
	out := []*int{&a, &b}
	return out
}

func sumLocal() int {
	a, b := 3, 4
	ptrs := []*int{&a, &b}
	s := 0
	for _, p := range ptrs {
		s += *p
	}
	return s
}

func fill(dst []*int) {
	v := 7
	dst[0] = &v
}

func main() {
	ps := collect()
	d := make([]*int, 1)
	fill(d)
	println(*ps[0]+*ps[1], sumLocal(), *d[0])
}
