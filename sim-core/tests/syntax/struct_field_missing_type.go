package main

type T struct {
	a
	b, c
}

func main() {
}
