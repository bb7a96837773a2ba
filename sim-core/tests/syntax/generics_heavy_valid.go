package main

import "fmt"

type Ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~float32 | ~float64 | ~string
}

type Tree[K Ordered, V any] struct {
	left, right *Tree[K, V]
	key         K
	val         V
}

func (t *Tree[K, V]) Insert(k K, v V) *Tree[K, V] {
	if t == nil {
		return &Tree[K, V]{key: k, val: v}
	}
	switch {
	case k < t.key:
		t.left = t.left.Insert(k, v)
	case k > t.key:
		t.right = t.right.Insert(k, v)
	default:
		t.val = v
	}
	return t
}

type Set[T comparable] map[T]struct{}

type Ptr[T any] interface {
	*T
	Reset()
}

type Vec[T any] []T

type Arr[N any] [4]N

type Fn[A, B any] func(A) B

type Alias = Vec[int]

func Filter[T any, S ~[]T](s S, keep func(T) bool) S {
	var out S
	for _, x := range s {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

func Keys[M ~map[K]V, K comparable, V any](m M) []K {
	r := make([]K, 0, len(m))
	for k := range m {
		r = append(r, k)
	}
	return r
}

func Apply[T any](xs []T, fs ...func(T) T) []T {
	for _, f := range fs {
		for i := range xs {
			xs[i] = f(xs[i])
		}
	}
	return xs
}

func main() {
	var t *Tree[string, int]
	t = t.Insert("b", 2).Insert("a", 1)
	s := Set[int]{1: {}, 2: {}}
	v := Vec[int]{1, 2, 3}
	var a Arr[string]
	var f Fn[int, string] = func(i int) string { return fmt.Sprint(i) }
	var al Alias = v
	ev := Filter(v, func(x int) bool { return x%2 == 0 })
	fmt.Println(t.key, len(s), Keys(map[string]int{"x": 1}), a, f(1), al, ev, Apply([]int{1}, func(x int) int { return x + 1 }))
	fmt.Println(Filter[int, []int](nil, nil), Keys[map[int]bool](nil))
}
