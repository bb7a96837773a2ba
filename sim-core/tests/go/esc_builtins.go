//go:build ignore

// Escape: builtins copy, len, cap, delete, clear, min, max and close never make their operands escape.
package main

func work(src []int) int {
	dst := make([]int, 4)
	n := copy(dst, src)
	m := map[string]int{"a": 1, "b": 2}
	delete(m, "a")
	l := len(m)
	clear(m)
	ch := make(chan int, 1)
	ch <- n
	close(ch)
	return min(n, l, <-ch) + max(len(dst), cap(dst))
}

func main() {
	println(work([]int{1, 2, 3}))
}
