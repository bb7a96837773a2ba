package main

import "fmt"

// Stack works for any element type. The compiler does not copy it per
// type: it compiles one body per "shape" (int and ID share go.shape.int)
// and passes a dictionary describing the real type.
type Stack[T any] struct {
	items []T
}

func (s *Stack[T]) Push(v T) {
	s.items = append(s.items, v)
}

func (s *Stack[T]) Pop() T {
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v
}

type ID int

// NewBox returns the address of its local copy b: b moves to the heap,
// whatever T is.
func NewBox[T any](v T) *T {
	b := v
	return &b
}

func main() {
	var nums Stack[int]
	nums.Push(1)
	nums.Push(2)
	ids := &Stack[ID]{}
	ids.Push(7)
	p := NewBox("hi")
	fmt.Println(nums.Pop(), ids.Pop(), *p)
}
