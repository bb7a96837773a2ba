package main

func main() {
A:
	println()
B:
	println()
	goto A
C:
	for {
		break
	}
}
