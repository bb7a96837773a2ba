package main

func f() (a int, b) {
	return
}

func main() {
}
