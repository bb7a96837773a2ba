package main

func main() {
	a := []int{1, 2, 3}
	b := a[1:2:]
	_ = b
}
