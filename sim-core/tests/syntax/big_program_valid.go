package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Rect struct {
	W, H float64
	tag  string `json:"tag"`
}

func (r Rect) Area() float64      { return r.W * r.H }
func (r *Rect) Perimeter() float64 { return 2 * (r.W + r.H) }

type Stack[T any] struct {
	items []T
}

func (s *Stack[T]) Push(x T) { s.items = append(s.items, x) }

func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	x := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return x, true
}

var ErrEmpty = errors.New("empty")

const (
	A = iota
	B
	C
)

func classify(x interface{}) string {
	switch v := x.(type) {
	case int:
		if v > 0 {
			return "positive"
		} else if v < 0 {
			return "negative"
		}
		return "zero"
	case string:
		return strings.ToUpper(v)
	default:
		return fmt.Sprintf("%T", v)
	}
}

func worker(jobs <-chan int, results chan<- int, done chan struct{}) {
	defer close(done)
	for j := range jobs {
		results <- j * 2
	}
}

func main() {
	shapes := []Shape{&Rect{W: 1, H: 2}, &Rect{
		W: 3,
		H: 4,
	}}
	total := 0.0
	for _, s := range shapes {
		total += s.Area()
	}
	m := map[string][]int{
		"a": {1, 2},
		"b": {3},
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var st Stack[int]
	st.Push(1)
	if x, ok := st.Pop(); ok {
		fmt.Println(x)
	}
	jobs := make(chan int, 3)
	results := make(chan int, 3)
	done := make(chan struct{})
	go worker(jobs, results, done)
	for i := 0; i < 3; i++ {
		jobs <- i
	}
	close(jobs)
	<-done
	close(results)
	sum := 0
outer:
	for {
		select {
		case r, ok := <-results:
			if !ok {
				break outer
			}
			sum += r
		}
	}
	add := func(a, b int) int { return a + b }
	arr := [...]int{1, 2, 3}
	sl := arr[1:3:3]
	p := &arr[0]
	*p++
	fmt.Println(total, keys, classify(-1), classify("go"), sum, add(A, C), sl, B, ErrEmpty)
}
