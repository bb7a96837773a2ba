package main

func main() {
	if x := 1; x = 2 {
	}
}
