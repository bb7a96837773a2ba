//go:build ignore

// Output: integer wraparound, unsigned underflow, shifts, conversions between sizes, float to int.
package main

import (
	"fmt"
	"math"
)

func main() {
	var i8 int8 = 127
	i8++
	fmt.Println(i8)
	var u8 uint8 = 0
	u8--
	fmt.Println(u8)
	var u uint = 0
	fmt.Println(u - 1)
	x := math.MaxInt64
	x++
	fmt.Println(x, x == math.MinInt64)
	fmt.Println(1<<10, -8>>1, uint32(1)<<31, int32(-1)>>31)
	big := 300
	big2 := 70000
	fmt.Println(uint8(big), int8(big), int16(big2))
	f := 3.99
	fmt.Println(int(f), int(-f), math.Round(f))
	fmt.Println(7/2, -7/2, 7%3, -7%3, 7.0/2)
	var a, b int32 = math.MaxInt32, 1
	fmt.Println(a + b)
}
