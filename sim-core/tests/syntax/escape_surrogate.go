package main

var s = "\uD800"
var r = '\U00110000'

func main() {
}
