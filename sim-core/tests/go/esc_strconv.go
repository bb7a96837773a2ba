//go:build ignore

// Escape: strconv.Itoa, Atoi, FormatInt, ParseFloat, Quote and the returned errors.
package main

import (
	"fmt"
	"strconv"
)

func parse(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

func main() {
	s := strconv.Itoa(123)
	n := parse("456")
	bad := parse("x7")
	f, _ := strconv.ParseFloat("2.5", 64)
	h := strconv.FormatInt(255, 16)
	q := strconv.Quote("hi\n")
	_, err := strconv.Atoi("oops")
	fmt.Println(s, n, bad, f, h, q, err)
}
