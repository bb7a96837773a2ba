package main

func main() {
	xs := []int{1}
	x := range xs
	_ = x
}
