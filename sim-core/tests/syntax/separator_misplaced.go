package main

var x = 1__0
var y = 10_
var z = 0x_1

func main() {
}
