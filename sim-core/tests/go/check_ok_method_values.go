//go:build ignore

// Clean check: method values and method expressions with value and pointer receivers.
package main

import "fmt"

type Counter struct{ n int }

func (c *Counter) Add(k int) { c.n += k }
func (c Counter) Get() int   { return c.n }

func main() {
	c := &Counter{}
	add := c.Add
	add(2)
	add(3)
	get := Counter.Get
	addExpr := (*Counter).Add
	addExpr(c, 10)
	fmt.Println(get(*c), c.Get())
	fs := []func(int){c.Add, c.Add}
	for _, f := range fs {
		f(1)
	}
	fmt.Println(c.n)
}
