//go:build ignore

// Output: string(int) conversions, rune/byte arithmetic, and fmt.Sprint versus strconv.
package main

import (
	"fmt"
	"strconv"
)

func main() {
	n := 65
	fmt.Println(string(rune(n)), strconv.Itoa(n), fmt.Sprint(n))
	c := 'a'
	c += 2
	fmt.Println(c, string(c))
	b := byte('z')
	fmt.Println(b, b-'a', string(b))
	digits := "12345"
	sum := 0
	for _, d := range digits {
		sum += int(d - '0')
	}
	fmt.Println(sum)
	fmt.Println(strconv.FormatInt(-255, 2), strconv.AppendInt(nil, 42, 10))
}
