//go:build ignore

// Escape: string <-> []byte conversions, zero-copy conversions and returned conversions.
package main

func count(s string) int {
	b := []byte(s)
	n := 0
	for _, c := range b {
		if c == 'a' {
			n++
		}
	}
	return n
}

func upper(s string) []byte {
	b := []byte(s)
	for i := range b {
		b[i] -= 32
	}
	return b
}

func toString(b []byte) string {
	return string(b)
}

func compare(b []byte) bool {
	return string(b) == "abc"
}

func runes(s string) int {
	return len([]rune(s))
}

func main() {
	println(count("banana"), string(upper("go")), toString([]byte{'h', 'i'}), compare([]byte("abc")), runes("héllo"))
}
