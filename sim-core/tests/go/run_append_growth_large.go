//go:build ignore

// Output: capacities chosen by append while growing a slice to 5000 elements (print on each change).
package main

import "fmt"

type pair struct{ a, b int64 }

func main() {
	var s []int
	last := -1
	for i := 0; i < 5000; i++ {
		s = append(s, i)
		if cap(s) != last {
			last = cap(s)
			fmt.Println(len(s), cap(s))
		}
	}
	var ps []pair
	last = -1
	for i := 0; i < 600; i++ {
		ps = append(ps, pair{})
		if cap(ps) != last {
			last = cap(ps)
			fmt.Println("pair", len(ps), cap(ps))
		}
	}
}
