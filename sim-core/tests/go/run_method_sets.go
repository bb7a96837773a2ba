//go:build ignore

// Output: value versus pointer receivers: mutations through copies are lost, through pointers kept.
package main

import "fmt"

type Counter struct{ N int }

func (c Counter) IncValue()    { c.N++ }
func (c *Counter) IncPointer() { c.N++ }

func main() {
	c := Counter{}
	c.IncValue()
	fmt.Println(c.N)
	c.IncPointer()
	fmt.Println(c.N)
	p := &c
	p.IncValue()
	p.IncPointer()
	fmt.Println(c.N, p.N)
	cs := []Counter{{1}, {2}}
	for _, x := range cs {
		x.IncPointer()
	}
	fmt.Println(cs)
	for i := range cs {
		cs[i].IncPointer()
	}
	fmt.Println(cs)
	m := map[string]*Counter{"a": {5}}
	m["a"].IncPointer()
	fmt.Println(m["a"].N)
}
