package main

func main() {
	f := func() {
		println()
	_ = f
}
