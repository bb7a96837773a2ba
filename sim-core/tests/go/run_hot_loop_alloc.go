//go:build ignore

// Output: a hot loop that allocates a fresh buffer each iteration (GC-heavy) and a reusing variant.
package main

import "fmt"

func fillBad() []byte {
	b := make([]byte, 4096)
	for i := range b {
		b[i] = byte(i)
	}
	return b
}

func fillGood(b []byte) {
	for i := range b {
		b[i] = byte(i)
	}
}

type node struct {
	next *node
	val  [8]int
}

func main() {
	total := 0
	for i := 0; i < 200_000; i++ {
		total += len(fillBad())
	}
	fmt.Println("bad", total)
	buf := make([]byte, 4096)
	total = 0
	for i := 0; i < 200_000; i++ {
		fillGood(buf)
		total += len(buf)
	}
	fmt.Println("good", total)
	var head *node
	for i := 0; i < 100_000; i++ {
		head = &node{next: head}
		head.val[0] = i
		if i%1000 == 0 {
			head = nil
		}
	}
	fmt.Println("list", head != nil)
}
