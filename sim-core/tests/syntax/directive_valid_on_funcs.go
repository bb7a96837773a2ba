package main

//go:noinline
func f(x *int) int { return *x }

//go:nosplit
//go:norace
func g() {}

//go:unknowndirective
func main() {
	x := 1
	g()
	_ = f(&x)
}
