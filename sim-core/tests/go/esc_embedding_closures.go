//go:build ignore

// Escape: embedded pointers and interfaces, method values in defer, fixed-point closures, slices of slices and goroutines writing through pointers.
package main

import (
	"fmt"
	"sync"
)

type Logger interface{ Log(string) }

type Base struct {
	prefix string
	lines  []string
}

func (b *Base) Log(s string) { b.lines = append(b.lines, b.prefix+s) }

type Service struct {
	*Base
	Logger
	mu    sync.Mutex
	count map[string]int
}

type quiet struct{}

func (quiet) Log(string) {}

func (s *Service) Hit(k string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.count[k]++
	s.Base.Log(k)
	return s.count[k]
}

type Vec struct{ X, Y float64 }

func (v Vec) Add(o Vec) Vec     { return Vec{v.X + o.X, v.Y + o.Y} }
func (v *Vec) Scale(f float64)  { v.X *= f; v.Y *= f }
func addr(v *Vec) *float64      { return &v.Y }
func pick(vs []Vec, i int) *Vec { return &vs[i] }

type Op func(float64) float64

func compose(fs ...Op) Op {
	return func(x float64) float64 {
		for _, f := range fs {
			x = f(x)
		}
		return x
	}
}

func fix(f func(func(int) int, int) int) func(int) int {
	var g func(int) int
	g = func(n int) int { return f(g, n) }
	return g
}

func triangle(n int) [][]int {
	rows := make([][]int, 0, n)
	for i := 0; i < n; i++ {
		row := make([]int, i+1)
		row[0], row[i] = 1, 1
		for j := 1; j < i; j++ {
			row[j] = rows[i-1][j-1] + rows[i-1][j]
		}
		rows = append(rows, row)
	}
	return rows
}

func main() {
	s := &Service{Base: &Base{prefix: "> "}, Logger: quiet{}, count: map[string]int{}}
	s.Hit("a")
	s.Hit("a")
	fmt.Println(s.count["a"], len(s.lines))
	var l Logger = s.Base
	l.Log("direct")
	v := Vec{1, 2}
	w := v.Add(Vec{3, 4})
	w.Scale(2)
	*addr(&w) += 1
	vs := []Vec{v, w}
	pick(vs, 0).Scale(10)
	fmt.Println(w, vs[0])
	double := Op(func(x float64) float64 { return x * 2 })
	inc := func(x float64) float64 { return x + 1 }
	fmt.Println(compose(double, inc, double)(1))
	fact := fix(func(self func(int) int, n int) int {
		if n <= 1 {
			return 1
		}
		return n * self(n-1)
	})
	fmt.Println(fact(5), triangle(4)[3])
	var wg sync.WaitGroup
	results := make([]int, 3)
	for i := range results {
		wg.Add(1)
		go func(p *int) {
			defer wg.Done()
			*p = i * i
		}(&results[i])
	}
	wg.Wait()
	fmt.Println(results)
}
