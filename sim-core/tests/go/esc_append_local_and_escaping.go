//go:build ignore

// Escape: append on a local slice versus a slice that is returned.
package main

func localSum(n int) int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	t := 0
	for _, v := range s {
		t += v
	}
	return t
}

func build(n int) []int {
	s := make([]int, 0, 4)
	for i := 0; i < n; i++ {
		s = append(s, i*i)
	}
	return s
}

func extend(s []int, v int) []int {
	return append(s, v)
}

func main() {
	b := build(3)
	b = extend(b, 10)
	println(localSum(5), len(b), b[3])
}
