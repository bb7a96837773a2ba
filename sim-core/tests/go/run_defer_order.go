//go:build ignore

// Output: defers run in LIFO order, arguments are evaluated at the defer statement, defers modify named results.
package main

import "fmt"

func trace(name string) func() {
	fmt.Println("enter", name)
	return func() { fmt.Println("leave", name) }
}

func double(x int) (r int) {
	defer func() { r *= 2 }()
	return x + 1
}

func loop() {
	for i := 0; i < 3; i++ {
		defer fmt.Println("loop defer", i)
	}
	fmt.Println("loop body done")
}

func main() {
	defer fmt.Println("main deferred last")
	defer trace("main")()
	x := 1
	defer fmt.Println("x at defer time:", x)
	x = 2
	defer func() { fmt.Println("x in closure:", x) }()
	loop()
	fmt.Println(double(4))
}
