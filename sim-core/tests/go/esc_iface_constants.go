//go:build ignore

// Escape: constants and propagated locals passed to fmt are printed by value in the verdicts.
package main

import "fmt"

const Pi = 3.14159
const Name = "escapade"

type Color int

const Red Color = 1

func main() {
	fmt.Println(Pi, Name, Red, true, 'a', nil)
	x := 10
	y := x * 2
	fmt.Println(y)
	s := "const"
	fmt.Println(s)
	fmt.Printf("%v %d\n", Red, 3)
}
