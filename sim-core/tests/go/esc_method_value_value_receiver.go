//go:build ignore

// Escape: a value-receiver method value copies the receiver into the closure.
package main

type Greeter struct {
	Name  string
	Times int
}

func (g Greeter) Greet() string {
	s := ""
	for i := 0; i < g.Times; i++ {
		s += "hi " + g.Name + " "
	}
	return s
}

func getter(g Greeter) func() string {
	return g.Greet
}

func main() {
	g := Greeter{"ann", 2}
	f := g.Greet
	println(f())
	h := getter(Greeter{"bob", 1})
	println(h())
}
