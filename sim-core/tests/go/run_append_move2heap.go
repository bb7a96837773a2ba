// gc's slice pass (Go 1.26+): appends to a slice that leaves the function
// in one place build it on the stack and move it to the heap there.
package main

import "fmt"

//go:noinline
func ints(n int) []int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return s
}

//go:noinline
func strs(n int) []string {
	var s []string
	for i := 0; i < n; i++ {
		s = append(s, "x")
	}
	return s
}

//go:noinline
func capped(n int) []int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
		if cap(s) > 100 {
			break
		}
	}
	return s
}

//go:noinline
func bytesOut(n int) []byte {
	var b []byte
	for i := 0; i < n; i++ {
		b = append(b, 'a')
	}
	return b
}

var sink []int

//go:noinline
func assigned(n int) {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	sink = s
}

func main() {
	for _, n := range []int{1, 3, 4, 5, 10} {
		x, y, z, w := ints(n), strs(n), capped(n), bytesOut(n*10)
		assigned(n)
		fmt.Println(n, len(x), cap(x), cap(y), cap(z), cap(w), cap(sink), x[len(x)-1], y[0])
	}
}
