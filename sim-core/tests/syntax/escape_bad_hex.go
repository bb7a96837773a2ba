package main

var s = "\xZZ"

func main() {
}
