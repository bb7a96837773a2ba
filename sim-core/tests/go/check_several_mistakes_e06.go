//go:build ignore

// Several teaching-style mistakes at once (recorded from go build to differential-test the type checker).
package main

func main() {
	ch := make(chan int)
	go func() {
		ch <- "x"
	}()
	v := <-ch
	v.foo()
	var arr [3]int
	arr[5] = 1
	const big = 1 << 40
	var small int32 = big
	_ = small
}
