package main

var a [2,]int

func main() {
}
