//go:build ignore

// Escape: large values captured by closures, method values of big structs, []byte/string conversions that need no copy, huge locals and makes.
package main

import (
	"fmt"
	"strings"
)

type Big struct {
	a [20]int
	s string
}

func (b Big) Sum() int {
	t := 0
	for _, v := range b.a {
		t += v
	}
	return t
}

func (b *Big) Ptr() *int { return &b.a[0] }

func captureBig() func() int {
	var arr [40]int
	arr[3] = 3
	return func() int { return arr[3] }
}

func captureSmall() func() int {
	x := 5
	return func() int { return x }
}

func captureAssigned() func() int {
	x := 5
	f := func() int { return x }
	x = 6
	return f
}

func bytesLoop(s string) int {
	n := 0
	for _, c := range []byte(s) {
		if c == 'a' {
			n++
		}
	}
	return n
}

func keyLookup(m map[string]int, b []byte) int {
	return m[string(b)]
}

func concat(a, b string) string {
	s := a + b
	return s
}

func cmpBytes(b []byte) bool {
	return string(b) == "xyz"
}

func runes(s string) int {
	r := []rune(s)
	return len(r)
}

func large() int {
	var buf [200000]byte
	buf[1] = 1
	s := make([]int, 20000)
	return int(buf[1]) + len(s)
}

func methodValue(b Big) func() int {
	return b.Sum
}

func main() {
	b := Big{s: "big"}
	b.a[0] = 1
	fmt.Println(b.Sum(), *b.Ptr(), captureBig()(), captureSmall()(), captureAssigned()())
	fmt.Println(bytesLoop("banana"), keyLookup(map[string]int{"k": 1}, []byte("k")), concat("a", "b"))
	fmt.Println(cmpBytes([]byte("xyz")), runes("héllo"), large(), methodValue(b)())
	up := strings.ToUpper(b.s)
	fmt.Printf("%s %v %+v\n", up, b.a[:2], b)
}
