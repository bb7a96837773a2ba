package main

func main() {
	x := 1
	//go:noinline
	if x > 0 {
		x++
	}
	_ = x
}
