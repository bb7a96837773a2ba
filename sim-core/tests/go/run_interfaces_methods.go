//go:build ignore

// Output: interfaces with methods, Stringer formatting, pointer vs value receivers, nil interface vs nil pointer.
package main

import (
	"fmt"
	"math"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }

func (r Rect) Area() float64       { return r.W * r.H }
func (r Rect) Perimeter() float64  { return 2 * (r.W + r.H) }
func (c *Circle) Area() float64     { return math.Pi * c.R * c.R }
func (c *Circle) Perimeter() float64 { return 2 * math.Pi * c.R }
func (r Rect) String() string      { return fmt.Sprintf("Rect(%gx%g)", r.W, r.H) }

func main() {
	shapes := []Shape{Rect{3, 4}, &Circle{1}, Rect{1, 1}}
	total := 0.0
	for _, s := range shapes {
		fmt.Printf("%v %.2f %.2f\n", s, s.Area(), s.Perimeter())
		total += s.Area()
	}
	fmt.Printf("total %.3f\n", total)
	var s Shape
	fmt.Println(s == nil)
	var cp *Circle
	s = cp
	fmt.Println(s == nil, s != nil)
	_, isRect := shapes[0].(Rect)
	_, isCircle := shapes[0].(*Circle)
	fmt.Println(isRect, isCircle)
}
