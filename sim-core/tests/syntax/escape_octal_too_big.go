package main

var s = "\400"

func main() {
}
