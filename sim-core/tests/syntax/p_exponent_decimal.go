package main

var x = 1p4

func main() {
}
