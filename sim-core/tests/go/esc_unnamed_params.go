//go:build ignore

// Escape: unnamed and blank parameters and receivers never leak; a method returning its receiver leaks it to the result.
package main

type Counter struct{ n int }

func (*Counter) Touch()              {}
func (_ *Counter) Touch2()           {}
func ignore(*int)                    {}
func ignoreBlank(_ **int, k int) int { return k }

func (c *Counter) Add(d int) (*Counter, bool) {
	c.n += d
	return c, c.n > 10
}

func fresh() *Counter {
	r, _ := new(Counter).Add(4)
	return r
}

func main() {
	var c Counter
	c.Touch()
	c.Touch2()
	x := 1
	ignore(&x)
	p := &x
	println(ignoreBlank(&p, 2))
	d, big := c.Add(20)
	println(d.n, big)
	println(fresh().n)
}
