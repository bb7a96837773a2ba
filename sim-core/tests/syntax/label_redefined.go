package main

func main() {
L:
	println()
L:
	println()
	goto L
}
