package main

default:

func main() {
}
