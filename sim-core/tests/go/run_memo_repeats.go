//go:build ignore

// Output: repeated calls of pure helpers, where a replayed effect must
// match a real execution: results built from arguments, writes through
// pointers whose targets change between calls, fresh heap objects linked
// to caller memory, and recursion.
package main

type pair struct {
	a, b int
	next *pair
}

// Allocates a fresh node linked to the caller's list each call.
func push(head *pair, v int) *pair {
	return &pair{a: v, b: v * v, next: head}
}

// Writes through a pointer; the result depends on what is there.
func bump(p *pair) int {
	p.a++
	p.b += p.a
	return p.a + p.b
}

// Fills a caller-owned buffer; same effect every time.
func fill(buf []byte) int {
	for i := range buf {
		buf[i] = byte(i * 7)
	}
	return len(buf)
}

// Reads the buffer: depends on its contents.
func sum(buf []byte) int {
	s := 0
	for _, c := range buf {
		s += int(c)
	}
	return s
}

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func clone(src []int) []int {
	out := make([]int, len(src))
	copy(out, src)
	return out
}

func main() {
	var head *pair
	for i := 0; i < 50; i++ {
		head = push(head, i%3)
	}
	n, total := 0, 0
	for p := head; p != nil; p = p.next {
		n++
		total += p.a + p.b
	}
	println("list", n, total)

	x := &pair{}
	acc := 0
	for i := 0; i < 40; i++ {
		acc += bump(x)
	}
	println("bump", x.a, x.b, acc)

	buf := make([]byte, 300)
	s := 0
	for i := 0; i < 40; i++ {
		s += sum(buf)
		s += fill(buf)
		buf[i] = 0
	}
	println("fill", s)

	println("fib", fib(22))

	src := []int{1, 2, 3}
	var keep [][]int
	for i := 0; i < 30; i++ {
		c := clone(src)
		c[0] = i
		keep = append(keep, c)
		src[1] += c[0]
	}
	println("clone", len(keep), keep[5][0], keep[29][1], src[1])
}
