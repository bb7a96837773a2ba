//go:build ignore

// Escape: a label that a later goto jumps back to counts as a loop for loop-depth purposes.
package main

func gotoLoop() int {
	var last *int
	i := 0
again:
	x := i * 3
	last = &x
	i++
	if i < 3 {
		goto again
	}
	return *last
}

func forwardOnly() int {
	var last *int
	y := 4
	last = &y
	goto done
done:
	return *last
}

func main() {
	println(gotoLoop(), forwardOnly())
}
