//go:build ignore

// Escape: type assertions and type switches on interface values that were boxed locally.
package main

type Shape interface{ Area() int }
type Sq struct{ S int }

func (s Sq) Area() int { return s.S * s.S }

func total(shapes []Shape) int {
	t := 0
	for _, s := range shapes {
		switch v := s.(type) {
		case Sq:
			t += v.Area()
		}
	}
	return t
}

func main() {
	a := Sq{2}
	b := Sq{3}
	shapes := []Shape{a, b}
	var i any = a
	sq, ok := i.(Sq)
	println(total(shapes), sq.S, ok)
}
