//go:build ignore

// Escape: explicit array variables over 128 KiB are moved to the heap; smaller ones stay.
package main

func under() int {
	var a [16384]int64 // exactly 128 KiB
	a[1] = 1
	return len(a) + int(a[1])
}

func over() int {
	var b [16385]int64 // 128 KiB + 8 bytes
	b[2] = 2
	return len(b) + int(b[2])
}

func bytesOver() int {
	var c [200000]byte
	c[0] = 'x'
	return int(c[0])
}

func main() {
	println(under(), over(), bytesOver())
}
