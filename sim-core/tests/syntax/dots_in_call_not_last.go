package main

func f(xs ...int) {
}

func main() {
	xs := []int{1}
	f(xs..., 1)
}
