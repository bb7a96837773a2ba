//go:build ignore

// Escape: arguments to a method called through an interface go to the heap (unknown callee).
package main

type Sink interface{ Put(p *int) }

type store struct{ last *int }

func (s *store) Put(p *int) { s.last = p }

type discard struct{}

func (discard) Put(p *int) {}

func viaInterface(s Sink) {
	x := 1
	s.Put(&x)
}

func direct(d discard) {
	y := 2
	d.Put(&y)
}

func main() {
	st := &store{}
	viaInterface(st)
	viaInterface(discard{})
	direct(discard{})
	println(*st.last)
}
