package main

import "fmt"

func show(v int) {
	fmt.Println(v) // non-constant operand: reported as "v escapes to heap"
}

func main() {
	x := 42
	s := "hi"
	fmt.Println(x, s) // constants are propagated; Go 1.27 names them by value
	var e interface{} = x // local interface that does not escape
	_ = e
	show(x)
}
