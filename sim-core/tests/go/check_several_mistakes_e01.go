//go:build ignore

// Several teaching-style mistakes at once (recorded from go build to differential-test the type checker).
package main

import "fmt"

type Car struct {
	Brand string
	Year  int
}

func (c Car) Describe() string {
	return c.Brand
}

func main() {
	c := Car{Brand: "VW", Year: "2020"}
	fmt.Println(c.Describe())
	var p *Car = c
	fmt.Println(p)
}
