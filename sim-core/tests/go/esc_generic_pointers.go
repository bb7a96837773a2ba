package main

import "fmt"

type Node[T any] struct {
	val  T
	next *Node[T]
}

type List[T any] struct {
	head *Node[T]
	size int
}

func (l *List[T]) Push(v T) {
	l.head = &Node[T]{val: v, next: l.head}
	l.size++
}

func (l *List[T]) Each(f func(T)) {
	for n := l.head; n != nil; n = n.next {
		f(n.val)
	}
}

func Ptr[T any](v T) *T {
	return &v
}

func Deref[T any](p *T) T {
	return *p
}

func Swap[T any](a, b *T) {
	*a, *b = *b, *a
}

type Point struct{ X, Y int }

func First[T any](xs []T) (T, bool) {
	if len(xs) == 0 {
		var zero T
		return zero, false
	}
	return xs[0], true
}

var keep any

func Keep[T any](v T) {
	keep = v
}

func main() {
	var l List[int]
	for i := 0; i < 3; i++ {
		l.Push(i)
	}
	sum := 0
	l.Each(func(v int) { sum += v })
	fmt.Println(sum, l.size)
	p := Ptr(Point{1, 2})
	q := Ptr(Point{3, 4})
	Swap(p, q)
	fmt.Println(*p, Deref(q))
	x, y := 1, 2
	Swap(&x, &y)
	fmt.Println(x, y)
	f, ok := First([]string{"a", "b"})
	fmt.Println(f, ok)
	Keep(Point{5, 6})
	Keep(&x)
	fmt.Println(keep != nil)
	ls := &List[string]{}
	ls.Push("go")
	ls.Each(func(s string) { fmt.Println(s) })
}
