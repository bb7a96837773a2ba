//go:build ignore

// Output: float arithmetic and formatting with fmt and println, rounding, NaN and infinities.
package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println(0.1+0.2, 1.0/3.0, float32(1.0)/3, 2.0, 1e21, 1e20, 1e-7)
	fmt.Println(math.Sqrt(2), math.Inf(1), math.Inf(-1), math.NaN())
	fmt.Printf("%.3f %.0f %.0f %6.2f %g %G %e\n", math.Pi, 2.5, 3.5, -1.005, 1e6, 1e-10, 123456.789)
	println(1.5, 0.1, float32(2.25), 100.0)
	var z float64
	fmt.Println(1/z, -1/z, z/z == z/z)
	fmt.Println(math.Floor(-2.5), math.Ceil(2.1), math.Trunc(-2.7), math.Mod(7, 3))
	c := complex(1, 2)
	fmt.Println(c, real(c), imag(c), c*c)
}
