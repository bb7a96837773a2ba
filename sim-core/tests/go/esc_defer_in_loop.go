//go:build ignore

// Escape: a deferred closure inside a loop escapes to the heap (and its captures with it).
package main

func sum(n int) (total int) {
	for i := 0; i < n; i++ {
		defer func() {
			total += i
		}()
	}
	return 0
}

func deferInLoopCall(n int) int {
	calls := 0
	for i := 0; i < n; i++ {
		defer func(k int) { calls += k }(i)
	}
	return calls
}

func main() {
	println(sum(4), deferInLoopCall(3))
}
