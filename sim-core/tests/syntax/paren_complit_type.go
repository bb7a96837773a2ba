package main

type T struct{ a int }

func main() {
	x := (T){1}
	_ = x
}
