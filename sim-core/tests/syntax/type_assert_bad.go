package main

func main() {
	var x interface{} = 1
	_ = x.(
}
