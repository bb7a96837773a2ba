//go:build ignore

// Several teaching-style mistakes at once (recorded from go build to differential-test the type checker).
package main

import "fmt"

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f", float64(t)) }

func main() {
	var t Temp = 20
	var f float64 = t
	var g = t + 1.5
	var h int = int(t)
	fmt.Println(f, g, h)
	var s fmt.Stringer = t
	var s2 fmt.Stringer = 3
	fmt.Println(s, s2)
	var ptr *Temp = &20
	_ = ptr
}
