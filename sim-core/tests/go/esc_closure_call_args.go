//go:build ignore

// Escape: function literals called on the spot (plain, in loops, deferred, deferred in loops) and closures called through variables.
package main

var sink interface{}
var keep *int

func callNow() int {
	v := 1
	func(p *int) { *p += 1 }(&v)
	return v
}

func callInLoop() int {
	v := 0
	for i := 0; i < 3; i++ {
		func(p *int) { *p += i }(&v)
	}
	return v
}

func freshInLoop() int {
	t := 0
	for i := 0; i < 3; i++ {
		w := i
		func(p *int) { t += *p }(&w)
	}
	return t
}

func leakNow() {
	v := 2
	func(p *int) { sink = p }(&v)
}

func returnThrough() int {
	v := 3
	q := func(p *int) *int { return p }(&v)
	return *q
}

func storeOuter() int {
	var last *int
	for i := 0; i < 2; i++ {
		w := i * 5
		func(p *int) { last = p }(&w)
	}
	return *last
}

func deferNow() (r int) {
	v := 4
	defer func(p *int) { r = *p }(&v)
	return 0
}

func deferInLoop() {
	v := 5
	for i := 0; i < 2; i++ {
		defer func(p *int) { *p += i }(&v)
	}
}

func deferLeak() {
	v := 6
	defer func(p *int) { keep = p }(&v)
}

func derefParam() int {
	v := 7
	p := &v
	return *func(pp **int) *int { return *pp }(&p)
}

func viaVariables() int {
	f := func(p *int) int { return *p }
	g := f
	h := plain
	return f(new(int)) + g(new(int)) + h(new(int))
}

func plain(p *int) int { return *p + 1 }

func variadicCapture(xs ...string) string {
	return func() string { return xs[0] }()
}

func main() {
	println(callNow(), callInLoop(), freshInLoop())
	leakNow()
	println(returnThrough(), storeOuter(), deferNow())
	deferInLoop()
	deferLeak()
	println(*keep, derefParam(), viaVariables(), variadicCapture("a", "b"))
	println(sink != nil)
}
