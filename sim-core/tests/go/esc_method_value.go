//go:build ignore

// Escape: method values: called locally (no escape), returned and stored in a global (escape).
package main

type Counter struct{ n int }

func (c *Counter) Inc()      { c.n++ }
func (c Counter) Value() int { return c.n }

var hook func()

func local() int {
	c := &Counter{}
	inc := c.Inc
	inc()
	inc()
	get := c.Value
	return get()
}

func returned() func() {
	c := &Counter{}
	return c.Inc
}

func stored() {
	c := Counter{}
	hook = c.Inc
}

func main() {
	println(local())
	f := returned()
	f()
	stored()
	hook()
}
