//go:build ignore

// Escape: sharing down the stack: passing pointers to callees that do not keep them.
package main

import "fmt"

type Car struct {
	Brand string
	Year  int
}

func age(c *Car, now int) int {
	return now - c.Year
}

func rename(c *Car, b string) {
	c.Brand = b
}

func main() {
	car := Car{Brand: "vw", Year: 2010}
	rename(&car, "audi")
	a := age(&car, 2024)
	fmt.Println(car.Brand, a)
}
