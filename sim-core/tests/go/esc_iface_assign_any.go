//go:build ignore

// Escape: assigning to local interface variables (any, error, fmt.Stringer) that do or do not escape.
package main

import (
	"errors"
	"fmt"
)

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1fC", float64(t)) }

var global any

func main() {
	n := 3
	var a any = n
	_ = a
	var e error = errors.New("x")
	_ = e
	var s fmt.Stringer = Temp(21.5)
	str := s.String()
	m := 4
	global = m
	p := &struct{ v int }{5}
	var ap any = p
	_ = ap
	println(str, len(str))
}
