//go:build ignore

// Escape: a deferred closure at the top level of a function stays on the stack.
package main

func work() (n int) {
	msg := "done"
	count := 0
	defer func() {
		count++
		n = count + len(msg)
	}()
	count = 10
	return 0
}

func cleanup(p *int) { *p = 0 }

func main() {
	x := 42
	defer cleanup(&x)
	println(work())
}
