package main

func main() {
	٣abc := 1
	_ = ٣abc
}
