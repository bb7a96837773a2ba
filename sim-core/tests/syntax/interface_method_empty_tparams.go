package main

type I interface {
	m[]()
}

func main() {
}
