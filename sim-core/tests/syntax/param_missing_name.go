package main

func f(int, b string) {
}

func main() {
}
