package main

func main() {
	x := 1 /* a
	b */ y := 2
	_, _ = x, y
}
