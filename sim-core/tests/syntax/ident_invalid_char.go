package main

func main() {
	a€b := 1
	_ = a€b
}
