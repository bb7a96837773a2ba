//go:build ignore

// Several teaching-style mistakes at once (recorded from go build to differential-test the type checker).
package main

import "fmt"

type Animal interface {
	Sound() string
}

type Dog struct{}

func (d Dog) Sound() int { return 1 }

func main() {
	var a Animal = Dog{}
	fmt.Println(a)
	fmt.Println(undefinedFunc(3))
	fmt.Printline("x")
}
