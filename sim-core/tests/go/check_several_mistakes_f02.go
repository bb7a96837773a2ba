//go:build ignore

// Several teaching-style mistakes at once (recorded from go build to differential-test the type checker).
package main

import "fmt"

type Base struct{ ID int }

func (b Base) Describe() string { return fmt.Sprint(b.ID) }

type User struct {
	Base
	Name string
}

type Describer interface{ Describe() string }

func main() {
	u := User{Base{1}, "x"}
	var d Describer = u
	fmt.Println(d.Describe(), u.ID)
	var n int = u.Name
	u.Missing()
	var f func(int) int = func(s string) int { return 0 }
	_ = f
	fmt.Println(u.Base.Nope)
	x := 3
	x.y = 4
	var i interface{} = 1
	j := i + 1
	_ = j
	s := []int{}
	s.Len()
	_ = n
}
