//go:build ignore

// A package other than main: go build compiles it (and prints the verdicts)
// but go run refuses it; gc qualifies its symbols as command-line-arguments.
package shapes

type point struct{ x, y int }

type Box[T any] struct{ items []T }

func (b *Box[T]) Add(v T) { b.items = append(b.items, v) }

func NewBox[T any]() *Box[T] { return &Box[T]{} }

func Points(n int) *Box[point] {
	b := NewBox[point]()
	for i := 0; i < n; i++ {
		b.Add(point{i, i})
	}
	return b
}

func Counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func Origin() *point {
	p := point{}
	return &p
}

// main is an ordinary function outside package main.
func main(args []string) int { return len(args) }
