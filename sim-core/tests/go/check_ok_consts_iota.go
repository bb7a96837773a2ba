//go:build ignore

// Clean check: iota constants, typed enums with a String method, switch with fallthrough.
package main

import "fmt"

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	Wednesday
)

const (
	_  = iota
	KB = 1 << (10 * iota)
	MB
	GB
)

func (d Weekday) String() string {
	switch d {
	case Sunday:
		return "Sun"
	case Monday:
		return "Mon"
	case Tuesday:
		fallthrough
	case Wednesday:
		return "Midweek"
	}
	return "?"
}

func main() {
	fmt.Println(Sunday, Monday, Tuesday, Wednesday)
	fmt.Println(KB, MB, GB)
	fmt.Printf("%d %v\n", Tuesday, Tuesday)
}
