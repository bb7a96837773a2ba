//go:build ignore

// Escape: arrays of pointers copied by value, returned, and indexed.
package main

func local() int {
	a, b := 1, 2
	arr := [2]*int{&a, &b}
	cp := arr
	return *cp[0] + *cp[1]
}

func returned() [2]*int {
	c, d := 3, 4
	return [2]*int{&c, &d}
}

func main() {
	r := returned()
	println(local(), *r[0]+*r[1])
}
