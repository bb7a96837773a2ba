package main

import (
	"fmt"
	"sync"
)

type Queue[T any] struct {
	mu    sync.Mutex
	items []T
}

func (q *Queue[T]) Enqueue(v T) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.items = append(q.items, v)
}

func (q *Queue[T]) Len() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.items)
}

func Describe[T any](v T) string {
	switch x := any(v).(type) {
	case int:
		return fmt.Sprintf("int %d", x)
	case string:
		return "string " + x
	default:
		return fmt.Sprintf("other %v", x)
	}
}

func Counter[T comparable]() func(T) int {
	seen := map[T]int{}
	return func(v T) int {
		seen[v]++
		return seen[v]
	}
}

type Named struct {
	Name string
}

type Wrapper[T any] struct {
	Named
	Inner T
}

func Parallel[T, R any](xs []T, f func(T) R) []R {
	out := make([]R, len(xs))
	var wg sync.WaitGroup
	for i, x := range xs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = f(x)
		}()
	}
	wg.Wait()
	return out
}

func Ptrs[T any](xs []T) []*T {
	out := make([]*T, 0, len(xs))
	for i := range xs {
		out = append(out, &xs[i])
	}
	return out
}

func main() {
	q := &Queue[string]{}
	q.Enqueue("a")
	q.Enqueue("b")
	fmt.Println(q.Len())
	fmt.Println(Describe(3), Describe("x"), Describe(2.5))
	count := Counter[string]()
	count("a")
	fmt.Println(count("a"), count("b"))
	w := Wrapper[int]{Named{"w"}, 7}
	fmt.Println(w.Name, w.Inner)
	sq := Parallel([]int{1, 2, 3}, func(n int) int { return n * n })
	fmt.Println(sq)
	ps := Ptrs([]int{4, 5})
	*ps[0] = 40
	fmt.Println(*ps[0], *ps[1], len(ps))
}
