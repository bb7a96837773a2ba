//go:build ignore

// Output: len and cap after each append for ints, bytes and strings (runtime growth rules).
package main

import "fmt"

func main() {
	var ints []int
	for i := 0; i < 10; i++ {
		ints = append(ints, i)
		fmt.Println("int", len(ints), cap(ints))
	}
	var bs []byte
	for i := 0; i < 40; i += 7 {
		bs = append(bs, make([]byte, 7)...)
		fmt.Println("byte", len(bs), cap(bs))
	}
	var ss []string
	for i := 0; i < 6; i++ {
		ss = append(ss, "x")
		fmt.Println("string", len(ss), cap(ss))
	}
	s := make([]int, 3, 3)
	s = append(s, 1, 2, 3, 4, 5)
	fmt.Println("multi", len(s), cap(s))
}
