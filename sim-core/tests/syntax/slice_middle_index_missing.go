package main

func main() {
	a := []int{1, 2, 3}
	b := a[::3]
	_ = b
}
