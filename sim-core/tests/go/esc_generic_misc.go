package main

import (
	"fmt"
	"sort"
	"strings"
)

type Number interface {
	~int | ~float64
}

func SumRec[T Number](xs []T) T {
	if len(xs) == 0 {
		return 0
	}
	return xs[0] + SumRec(xs[1:])
}

type Ordered interface {
	~int | ~string | ~float64
}

func SortSlice[T Ordered](s []T) {
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
}

func Find[T comparable](xs []T, v T) int {
	for i, x := range xs {
		if x == v {
			return i
		}
	}
	return -1
}

type List[T any] struct {
	head *node[T]
	n    int
}

type node[T any] struct {
	v    T
	next *node[T]
}

func (l *List[T]) Add(v T) *List[T] {
	l.head = &node[T]{v, l.head}
	l.n++
	return l
}

func (l *List[T]) All() []T {
	out := make([]T, 0, l.n)
	for n := l.head; n != nil; n = n.next {
		out = append(out, n.v)
	}
	return out
}

func Apply[T any](v T, fs ...func(T) T) T {
	for _, f := range fs {
		v = f(v)
	}
	return v
}

type Stringish interface {
	~string
}

func Join[S Stringish](parts []S) string {
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(string(p))
	}
	return b.String()
}

func main() {
	fmt.Println(SumRec([]int{1, 2, 3}), SumRec([]float64{0.5, 0.25}))
	s := []string{"b", "c", "a"}
	SortSlice(s)
	fmt.Println(s, Find(s, "c"), Find([]int{4, 5}, 9))
	l := (&List[int]{}).Add(1).Add(2)
	fmt.Println(l.All())
	double := func(x int) int { return x * 2 }
	fmt.Println(Apply(3, double, double), Apply("x"))
	type Word string
	fmt.Println(Join([]Word{"go", "pher"}))
	f := Find[string]
	fmt.Println(f(s, "b"))
}
