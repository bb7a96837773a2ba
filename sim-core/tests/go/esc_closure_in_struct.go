//go:build ignore

// Escape: closures stored in a struct field or slice, local versus returned.
package main

type Handler struct {
	Name string
	Fn   func(int) int
}

func makeHandler(k int) Handler {
	return Handler{Name: "mul", Fn: func(x int) int { return x * k }}
}

func localHandlers() int {
	offset := 1
	hs := []func(int) int{
		func(x int) int { return x + offset },
		func(x int) int { return x - offset },
	}
	t := 0
	for _, h := range hs {
		t += h(10)
	}
	return t
}

func main() {
	h := makeHandler(3)
	println(h.Fn(4), localHandlers())
}
