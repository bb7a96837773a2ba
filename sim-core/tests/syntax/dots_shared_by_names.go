package main

func f(a, b ...int) {
}

func main() {
}
