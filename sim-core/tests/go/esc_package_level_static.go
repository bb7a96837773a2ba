//go:build ignore

// Escape: package-level initialisers gc lays out as static data (&T{}, slice literals, boxed values, closures capturing nothing) are not reported; what runs in init is.
package main

import "fmt"

type Config struct {
	Name  string
	Ports []int
	Next  *Config
}

type Err struct{ Msg string }

func (e *Err) Error() string { return e.Msg }

func defaultPorts() []int { return []int{80, 443} }

var base = &Config{Name: "base", Ports: []int{1, 2}}
var derived = Config{Name: "derived", Next: base}
var copied = derived
var withCall = &Config{Name: "call", Ports: defaultPorts()}
var names = []string{"a", "b", "c"}
var table = map[string]*Config{"base": base, "tmp": {Name: "tmp"}}
var ErrMissing error = &Err{Msg: "missing"}
var boxed interface{} = Config{Name: "boxed"}
var raw = []byte("raw")
var double = func(x int) int { return 2 * x }
var keep = func(p *int) *int { return p }
var counter = func() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}()

func main() {
	fmt.Println(base.Name, derived.Next.Name, copied.Name, len(withCall.Ports))
	fmt.Println(len(names), len(table), ErrMissing, boxed.(Config).Name, string(raw))
	x := 21
	fmt.Println(double(x), *keep(&x), counter(), counter())
}
