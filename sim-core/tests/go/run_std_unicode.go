//go:build ignore

// Output: unicode classes and case mapping, and unicode/utf8 on valid and invalid input.
package main

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

func main() {
	for _, r := range []rune{'a', 'Z', '5', ' ', '\u00a0', '!', 'é', 'ß', 'ǅ', 'Ⅷ', '٣', '世', '_', '\u2028', -1} {
		fmt.Println(r, unicode.IsUpper(r), unicode.IsLower(r), unicode.IsLetter(r), unicode.IsDigit(r),
			unicode.IsSpace(r), unicode.IsPunct(r), unicode.ToUpper(r), unicode.ToLower(r))
	}
	s := "a" + string([]byte{0xff}) + "é" + string([]byte{0xe4, 0xb8}) + "世"
	fmt.Println(len(s), utf8.RuneCountInString(s), utf8.RuneCount([]byte(s)), utf8.ValidString(s), utf8.ValidString("ok é"))
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		fmt.Print(r, ":", size, " ")
		s = s[size:]
	}
	fmt.Println()
	t := "héllo, 世界" + string([]byte{0xff})
	for len(t) > 0 {
		r, size := utf8.DecodeLastRuneInString(t)
		fmt.Printf("%c%d ", r, size)
		t = t[:len(t)-size]
	}
	fmt.Println()
	r, size := utf8.DecodeRuneInString("")
	fmt.Println(r, size, utf8.RuneError, utf8.UTFMax)
	for _, r := range []rune{'a', 'é', '世', '😀', 0xD800, 0x110000, -5} {
		fmt.Print(utf8.RuneLen(r), " ")
	}
	fmt.Println()
}
