package main

import "fmt"

type Tree[T any] struct {
	Left, Right *Tree[T]
	Val         T
}

func (t *Tree[T]) Insert(v T, less func(a, b T) bool) *Tree[T] {
	if t == nil {
		return &Tree[T]{Val: v}
	}
	if less(v, t.Val) {
		t.Left = t.Left.Insert(v, less)
	} else {
		t.Right = t.Right.Insert(v, less)
	}
	return t
}

func (t *Tree[T]) Walk(f func(T)) {
	if t == nil {
		return
	}
	t.Left.Walk(f)
	f(t.Val)
	t.Right.Walk(f)
}

func Deep[T any](n int, v T) int {
	if n == 0 {
		return 0
	}
	return 1 + Deep[[]T](n-1, []T{v})
}

func main() {
	var root *Tree[int]
	for _, v := range []int{5, 3, 8, 1} {
		root = root.Insert(v, func(a, b int) bool { return a < b })
	}
	root.Walk(func(v int) { fmt.Print(v, " ") })
	fmt.Println()
	fmt.Println(Deep(3, 1))
}
