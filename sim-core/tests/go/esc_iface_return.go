//go:build ignore

// Escape: returning a concrete value or pointer as an interface boxes it and the box escapes.
package main

type Shape interface{ Area() int }

type Square struct{ Side int }

func (s Square) Area() int { return s.Side * s.Side }

type Rect struct{ W, H int }

func (r *Rect) Area() int { return r.W * r.H }

func newSquare(n int) Shape {
	return Square{n}
}

func newRect(w, h int) Shape {
	r := Rect{w, h}
	return &r
}

func asAny(n int) any { return n }

func main() {
	println(newSquare(3).Area(), newRect(2, 5).Area())
	println(asAny(4).(int))
}
