//go:build ignore

// Escape: calling a function value or interface that is itself a call result (mk()(2), getI().Get(), (<-ch)()): gc evaluates the callee into a temporary first.
package main

import "fmt"

type Counter struct{ n int }

func (c *Counter) Add(d int) int { c.n += d; return c.n }
func (c Counter) Get() int       { return c.n }

type Getter interface{ Get() int }

func newCounter() *Counter  { return &Counter{} }
func valueCounter() Counter { return Counter{n: 1} }
func getter() Getter        { return Counter{n: 2} }

func adder(base int) func(int) int {
	return func(x int) int { return base + x }
}

func main() {
	fmt.Println(newCounter().Add(1), valueCounter().Get(), adder(3)(2), getter().Get())
	fch := make(chan func() int, 1)
	fch <- func() int { return 3 }
	fmt.Println((<-fch)())
	x := adder(4)(5)
	y := newCounter().Add(2)
	fmt.Println(x, y, new(Counter).Add(1))
}
