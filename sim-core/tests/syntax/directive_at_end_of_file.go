package main

//go:noinline

func main() {}

//go:nosplit
