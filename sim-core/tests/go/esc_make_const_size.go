//go:build ignore

// Escape: make with a constant size stays on the stack unless returned or stored.
package main

var saved []int

func local() int {
	s := make([]int, 8)
	for i := range s {
		s[i] = i
	}
	return s[7]
}

func withCap() int {
	s := make([]byte, 0, 16)
	s = append(s, 'a', 'b')
	return len(s)
}

func returned() []int {
	return make([]int, 4)
}

func store() {
	saved = make([]int, 2)
}

func main() {
	store()
	println(local(), withCap(), len(returned()), len(saved))
}
