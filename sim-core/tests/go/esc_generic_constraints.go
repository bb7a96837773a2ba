package main

import (
	"errors"
	"fmt"
	"strings"
)

type Setter[T any] interface {
	*T
	Set(string)
}

type Name struct{ v string }

func (n *Name) Set(s string) { n.v = strings.ToUpper(s) }

func Build[T any, PT Setter[T]](vals []string) []T {
	out := make([]T, len(vals))
	for i, v := range vals {
		PT(&out[i]).Set(v)
	}
	return out
}

type Result[T any] struct {
	Val T
	Err error
}

func Try[T any](f func() (T, error)) Result[T] {
	v, err := f()
	return Result[T]{v, err}
}

type Cache[K comparable, V any] struct {
	data  map[K]V
	order []K
	limit int
}

func NewCache[K comparable, V any](limit int) *Cache[K, V] {
	return &Cache[K, V]{data: map[K]V{}, limit: limit}
}

func (c *Cache[K, V]) Put(k K, v V) {
	if _, ok := c.data[k]; !ok {
		c.order = append(c.order, k)
	}
	c.data[k] = v
	if len(c.order) > c.limit {
		oldest := c.order[0]
		c.order = c.order[1:]
		delete(c.data, oldest)
	}
}

func (c *Cache[K, V]) Get(k K) (V, bool) {
	v, ok := c.data[k]
	return v, ok
}

func Merge[T any](chans ...chan T) []T {
	var out []T
	for _, ch := range chans {
		for v := range ch {
			out = append(out, v)
		}
	}
	return out
}

type Number interface {
	~int | ~int32 | ~float64
}

func Average[T Number](xs ...T) float64 {
	if len(xs) == 0 {
		return 0
	}
	var sum T
	for _, x := range xs {
		sum += x
	}
	return float64(sum) / float64(len(xs))
}

func main() {
	names := Build[Name]([]string{"ann", "bob"})
	fmt.Println(names)
	r := Try(func() (int, error) { return 0, errors.New("boom") })
	fmt.Println(r.Val, r.Err)
	r2 := Try(func() (string, error) { return "ok", nil })
	fmt.Println(r2)
	c := NewCache[string, int](2)
	c.Put("a", 1)
	c.Put("b", 2)
	c.Put("c", 3)
	_, okA := c.Get("a")
	vc, okC := c.Get("c")
	fmt.Println(okA, vc, okC, len(c.data))
	ch1 := make(chan int, 2)
	ch1 <- 1
	ch1 <- 2
	close(ch1)
	ch2 := make(chan int, 1)
	ch2 <- 3
	close(ch2)
	fmt.Println(Merge(ch1, ch2))
	fmt.Printf("%.2f %.2f\n", Average(1, 2, 4), Average[float64]())
	type Celsius float64
	fmt.Println(Average(Celsius(10), Celsius(20)))
}
