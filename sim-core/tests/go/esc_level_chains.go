//go:build ignore

// Escape: chains of pointers to pointers: what escapes depends on how many dereferences reach the sink.
package main

var sink interface{}
var sinkp **int

func level0() {
	i := 0
	p0 := &i
	p1 := &p0
	p2 := &p1
	sink = p2
}

func level1() {
	i := 0
	p0 := &i
	p1 := &p0
	p2 := &p1
	sink = *p2
}

func level2() {
	i := 0
	p0 := &i
	p1 := &p0
	p2 := &p1
	sink = **p2
}

func level3() int {
	i := 7
	p0 := &i
	p1 := &p0
	p2 := &p1
	return ***p2
}

func storeMid() {
	i := 1
	p0 := &i
	p1 := &p0
	sinkp = p1
}

func deref2(pp **int) *int { return *pp }

func main() {
	level0()
	level1()
	level2()
	println(level3())
	storeMid()
	println(**sinkp)
	j := 9
	pj := &j
	println(*deref2(&pj))
}
