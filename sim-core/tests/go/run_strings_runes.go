//go:build ignore

// Output: strings are bytes: len, indexing, ranging over runes, []rune, conversions and unicode.
package main

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

func main() {
	s := "héllo, 世界"
	fmt.Println(len(s), utf8.RuneCountInString(s), len([]rune(s)))
	fmt.Println(s[1], s[0:1], string(s[7]))
	for i, r := range "aé世" {
		fmt.Printf("%d:%c:%d ", i, r, r)
	}
	fmt.Println()
	rs := []rune(s)
	rs[0] = 'H'
	fmt.Println(string(rs))
	b := []byte("abc")
	b[0] = 'X'
	fmt.Println(string(b), b)
	fmt.Println(strings.ToUpper(s), strings.Count(s, "l"), strings.Index(s, "世"))
	fmt.Println(string(rune(65)), fmt.Sprint('A'), strings.Repeat("=", 5))
	fmt.Printf("%q %+q %x\n", s, s, "é")
	fmt.Println(strings.Fields(" a  b c "), len(strings.Split("a,b,,c", ",")))
	fmt.Println(strings.Title("x") == "X", strings.EqualFold("Go", "GO"))
}
