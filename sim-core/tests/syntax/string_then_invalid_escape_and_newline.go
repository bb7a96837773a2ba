package main

var s = "a\z
var t = 1

func main() {
}
