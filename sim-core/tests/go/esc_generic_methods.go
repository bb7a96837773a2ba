package main

import (
	"fmt"
	"strconv"
)

type Shape interface {
	Area() float64
}

type Square struct{ side float64 }

func (s Square) Area() float64 { return s.side * s.side }

type Circle struct{ r float64 }

func (c *Circle) Area() float64 { return 3 * c.r * c.r }

func TotalArea[S Shape](shapes []S) float64 {
	total := 0.0
	for _, s := range shapes {
		total += s.Area()
	}
	return total
}

type Stringer interface {
	String() string
}

type ID int

func (i ID) String() string { return "id-" + strconv.Itoa(int(i)) }

func Join[T Stringer](xs []T, sep string) string {
	out := ""
	for i, x := range xs {
		if i > 0 {
			out += sep
		}
		out += x.String()
	}
	return out
}

type Pair[A, B any] struct {
	First  A
	Second B
}

func MakePair[A, B any](a A, b B) Pair[A, B] {
	return Pair[A, B]{a, b}
}

func (p Pair[A, B]) Swap() Pair[B, A] {
	return Pair[B, A]{p.Second, p.First}
}

func Max[T int | float64 | string](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func main() {
	fmt.Println(TotalArea([]Square{{1}, {2}}))
	fmt.Println(TotalArea([]*Circle{{1}, {2}}))
	fmt.Println(Join([]ID{1, 2, 3}, ","))
	p := MakePair("x", 42)
	fmt.Println(p, p.Swap())
	fmt.Printf("%T\n", p.Swap())
	fmt.Println(Max(3, 9), Max("a", "b"), Max(2.5, 1))
}
