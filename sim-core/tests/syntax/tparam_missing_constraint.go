package main

type T[P any, Q] struct{}

func f[A any, B]() {
}

func main() {
}
