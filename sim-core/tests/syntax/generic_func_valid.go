package main

import "fmt"

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

type Number interface {
	~int | ~int64 | ~float64
}

func Sum[N Number](xs ...N) N {
	var s N
	for _, x := range xs {
		s += x
	}
	return s
}

type List[T any] struct {
	next *List[T]
	val  T
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func main() {
	ys := Map([]int{1, 2}, func(x int) string { return fmt.Sprint(x) })
	fmt.Println(ys, Sum(1, 2, 3))
	l := List[int]{val: 1}
	p := Pair[string, int]{"a", 1}
	fmt.Println(l.val, p)
}
