//go:build ignore

// Escape: taking the address of a parameter or a named result and returning it moves it to the heap.
package main

func addrOfParam(x int) *int {
	return &x
}

func addrOfResult() (r *int, n int) {
	n = 5
	r = &n
	return
}

func localAddr(x int) int {
	p := &x
	*p += 1
	return x
}

func main() {
	p := addrOfParam(1)
	r, _ := addrOfResult()
	println(*p, *r, localAddr(2))
}
