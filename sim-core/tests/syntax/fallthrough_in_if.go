package main

func main() {
	if true {
		fallthrough
	}
}
