//go:build ignore

// Output: strconv conversions and their error messages.
package main

import (
	"fmt"
	"strconv"
)

func main() {
	for _, s := range []string{"42", "-7", "3.5", "abc", "", "99999999999999999999"} {
		n, err := strconv.Atoi(s)
		fmt.Println(n, err)
	}
	b, err := strconv.ParseBool("maybe")
	fmt.Println(b, err)
	i8, err := strconv.ParseInt("300", 10, 8)
	fmt.Println(i8, err)
	h, err := strconv.ParseInt("ff", 16, 64)
	fmt.Println(h, err)
	f, err := strconv.ParseFloat("1e3", 64)
	fmt.Println(f, err)
	fmt.Println(strconv.Itoa(-12), strconv.FormatFloat(1.5, 'f', 3, 64), strconv.Quote("a\tb"))
	if ne, ok := err.(*strconv.NumError); ok {
		fmt.Println("num error", ne.Func)
	}
	_, err = strconv.Atoi("x1")
	if ne, ok := err.(*strconv.NumError); ok {
		fmt.Println(ne.Func, ne.Num, ne.Err)
	}
}
