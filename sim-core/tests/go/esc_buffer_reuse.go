//go:build ignore

// Escape: the hot-path buffer pattern: passing a caller's buffer down instead of allocating each call.
package main

func fillGood(b []byte) int {
	for i := range b {
		b[i] = byte(i)
	}
	return len(b)
}

func fillBad() []byte {
	b := make([]byte, 256)
	for i := range b {
		b[i] = byte(i)
	}
	return b
}

func main() {
	buf := make([]byte, 256)
	total := 0
	for i := 0; i < 100; i++ {
		total += fillGood(buf)
		total += len(fillBad())
	}
	println(total)
}
