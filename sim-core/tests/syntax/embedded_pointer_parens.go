package main

type S struct{}

type T struct {
	*(S)
}

func main() {
}
