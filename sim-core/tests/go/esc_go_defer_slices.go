//go:build ignore

// go and defer with variadic calls: an explicit slice literal passed with
// ... is built inside gc's wrapper like the implicit one; a method value
// whose receiver copy is over 64 KiB is too large for the stack.
package main

import (
	"fmt"
	"sync"
)

var wg sync.WaitGroup

func total(xs ...*int) {
	defer wg.Done()
	n := 0
	for _, x := range xs {
		n += *x
	}
	fmt.Println(n)
}

type big [10000]*int

func (b big) first() *int { return b[0] }

func main() {
	wg.Add(3)
	go total(new(int), new(int))
	go total([]*int{new(int)}...)
	s := []*int{new(int)}
	go total(s...)
	wg.Wait()
	for i := 0; i < 2; i++ {
		wg.Add(1)
		defer total([]*int{new(int)}...)
	}
	v := 1
	f := big{&v}.first
	fmt.Println(*f())
}
