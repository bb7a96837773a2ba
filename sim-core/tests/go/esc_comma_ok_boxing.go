//go:build ignore

// Comma-ok forms and two-result calls assigned to interfaces: gc reads them
// through .autotmp_N temporaries and boxes the concrete result.
package main

import "fmt"

var sink any

type pair struct{ a, b int }

func twoResults() (int, bool) { return 7, true }

func lookup(m map[string]int, k string) {
	var ok bool
	sink, ok = m[k]
	fmt.Println(sink, ok)
}

func assert(i any) *pair {
	p, ok := i.(*pair)
	if !ok {
		return nil
	}
	return p
}

func receive(c chan pair) {
	var v any
	var ok bool
	v, ok = <-c
	fmt.Println(v, ok)
}

func call() {
	var ok bool
	sink, ok = twoResults()
	fmt.Println(sink, ok)
	var local any
	local, _ = twoResults()
	fmt.Println(local != nil)
}

func main() {
	lookup(map[string]int{"x": 1}, "x")
	fmt.Println(assert(&pair{1, 2}).a)
	c := make(chan pair, 1)
	c <- pair{3, 4}
	close(c)
	receive(c)
	call()
	var i any = 5
	var ok bool
	sink, ok = i.(int)
	fmt.Println(sink, ok)
}
