//go:build ignore

// Escape: returning the address of a local variable, of a composite literal and of new(T).
package main

type Point struct{ X, Y int }

func newPoint(x, y int) *Point {
	p := Point{x, y}
	return &p
}

func newPointLit(x, y int) *Point {
	return &Point{X: x, Y: y}
}

func newInt(v int) *int {
	n := new(int)
	*n = v
	return n
}

func main() {
	a := newPoint(1, 2)
	b := newPointLit(3, 4)
	c := newInt(5)
	println(a.X+b.Y, *c)
}
