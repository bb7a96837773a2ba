//go:build ignore

// Escape: implicit allocations (make with constant size) over 64 KiB go to the heap.
package main

func small() int {
	s := make([]byte, 65536) // exactly 64 KiB
	s[0] = 1
	return len(s)
}

func large() int {
	s := make([]byte, 65537) // one byte over
	s[0] = 1
	return len(s)
}

func largeInts() int {
	s := make([]int64, 10000)
	return len(s)
}

func main() {
	println(small(), large(), largeInts())
}
