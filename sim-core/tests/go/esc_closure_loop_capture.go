//go:build ignore

// Escape: closures created in a loop capturing per-iteration variables, stored or called immediately.
package main

func stored() []func() int {
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i * 2 })
	}
	return fs
}

func immediate() int {
	t := 0
	for i := 0; i < 3; i++ {
		func() { t += i }()
	}
	return t
}

func localSlice() int {
	fs := make([]func() int, 0, 3)
	for _, v := range []int{1, 2, 3} {
		fs = append(fs, func() int { return v })
	}
	return fs[2]()
}

func main() {
	println(stored()[2](), immediate(), localSlice())
}
