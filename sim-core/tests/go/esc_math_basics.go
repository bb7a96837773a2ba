//go:build ignore

// Escape: math functions take and return plain values: nothing escapes except fmt boxes.
package main

import (
	"fmt"
	"math"
)

func hyp(a, b float64) float64 {
	return math.Sqrt(a*a + b*b)
}

func main() {
	h := hyp(3, 4)
	m := math.Max(1.5, 2.5)
	f := math.Floor(2.7)
	p := math.Pow(2, 10)
	a := math.Abs(-3)
	fmt.Println(h, m, f, p, a, math.MaxInt64, math.Pi)
	println(math.Inf(1) > 0, math.IsNaN(math.NaN()))
}
