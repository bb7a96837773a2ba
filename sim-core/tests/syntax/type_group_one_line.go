package main

type (A int B int)

func main() {
}
