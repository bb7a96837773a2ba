package main

import "fmt"

type Stack[T any] struct {
	items []T
}

func (s *Stack[T]) Push(v T) {
	s.items = append(s.items, v)
}

func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

type Box[T any] struct{ v T }

func NewBox[T any](v T) *Box[T] {
	return &Box[T]{v: v}
}

func Map[T, U any](xs []T, f func(T) U) []U {
	r := make([]U, 0, len(xs))
	for _, x := range xs {
		r = append(r, f(x))
	}
	return r
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func Keys[K comparable, V any](m map[K]V) []K {
	out := make([]K, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func Sum[T int | float64](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func main() {
	s := &Stack[int]{}
	s.Push(1)
	s.Push(2)
	v, ok := s.Pop()
	fmt.Println(v, ok)
	b := NewBox(42)
	fmt.Println(b.v)
	bs := NewBox("hi")
	fmt.Println(bs.v)
	sq := Map([]int{1, 2, 3}, func(x int) string { return fmt.Sprint(x * x) })
	fmt.Println(sq)
	p := Pair[string, int]{"a", 1}
	fmt.Println(p)
	fmt.Println(len(Keys(map[string]int{"x": 1})))
	fmt.Println(Sum(1, 2, 3), Sum(1.5, 2.5))
	var st Stack[string]
	st.Push("x")
	fmt.Println(len(st.items))
}
