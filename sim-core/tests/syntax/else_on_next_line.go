package main

func main() {
	x := 1
	if x > 0 {
		x++
	}
	else {
		x--
	}
	_ = x
}
