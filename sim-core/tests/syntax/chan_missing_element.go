package main

var c chan

func main() {
}
