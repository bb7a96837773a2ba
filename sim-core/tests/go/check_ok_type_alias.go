//go:build ignore

// Clean check: type aliases versus defined types, conversions between them.
package main

import "fmt"

type Celsius float64
type Temperature = Celsius
type Bytes = []byte

func (c Celsius) Fahrenheit() float64 { return float64(c)*9/5 + 32 }

func main() {
	var t Temperature = 100
	var c Celsius = t
	f := float64(c)
	var b Bytes = []byte("hi")
	var raw []byte = b
	fmt.Println(t.Fahrenheit(), f, len(raw))
	fmt.Printf("%T %T\n", t, b)
}
