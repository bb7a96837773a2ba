package main

const c := 1

func main() {
}
