package main

var global *int

func store() {
	x := 7
	global = &x
}

func main() {
	store()
	println(*global)
}
