//go:build ignore

// Output: a pure helper with a 4 KB frame, called first from a shallow
// stack and then from ever deeper recursion: the stack must grow exactly
// when the helper's frame no longer fits, replayed or not.
package main

func helper(x int) int {
	var buf [512]int
	for i := range buf {
		buf[i] = x + i
	}
	return buf[511]
}

func down(n int) int {
	if n == 0 {
		return 0
	}
	return helper(7) + down(n-1)
}

func main() {
	total := 0
	for i := 0; i < 20; i++ {
		total += helper(7)
	}
	println(total, down(300))
}
