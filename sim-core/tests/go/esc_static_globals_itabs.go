//go:build ignore

// Escape: package-level tables, errors and closures (static or run in init), type switches and errors.As, map keys with strings: the equality and hash functions gc generates.
package main

import (
	"errors"
	"fmt"
	"os"
)

type Err struct {
	Op   string
	Code [2]int
	At   interface{}
}

func (e *Err) Error() string { return e.Op }

type Pair struct {
	K string
	V float64
}

type Table struct {
	rows [3]Pair
	idx  map[Pair]int
}

func (t *Table) Error() string { return "table" }

var handlers = map[string]func(int) int{
	"double": func(x int) int { return x * 2 },
	"neg":    func(x int) int { return -x },
}

var defaultErr error = &Err{Op: "init"}

var lookup = func() map[int]string {
	m := map[int]string{}
	for i := 0; i < 3; i++ {
		m[i] = fmt.Sprint(i)
	}
	return m
}()

type Op func(a, b int) int

func apply(op Op, a, b int) int { return op(a, b) }

func (p Pair) Scale(f float64) Pair { return Pair{p.K, p.V * f} }

func check(err error) string {
	var e *Err
	if errors.As(err, &e) {
		return "err " + e.Op
	}
	switch x := err.(type) {
	case *Table:
		return "table " + x.Error()
	case nil:
		return "nil"
	}
	return err.Error()
}

func fill() []int {
	var buf [64]int
	s := buf[:0]
	for i := 0; i < 10; i++ {
		s = append(s, i)
	}
	return append([]int(nil), s...)
}

func grow(n int) []byte {
	b := make([]byte, 0, n)
	for i := 0; i < n; i++ {
		b = append(b, byte('a'+i%26))
	}
	return b
}

func main() {
	fmt.Println(handlers["double"](3), lookup[1])
	fmt.Println(check(defaultErr), check(&Table{}), check(nil))
	fmt.Println(apply(func(a, b int) int { return a + b }, 1, 2))
	scale := Pair.Scale
	fmt.Println(scale(Pair{"x", 2}, 3).V)
	arr := [4]int{1, 2, 3, 4}
	for i, v := range &arr {
		arr[i] = v * 2
	}
	fmt.Println(arr, len(fill()), string(grow(5)))
	s := ""
	for i := 0; i < 3; i++ {
		s += fmt.Sprint(i)
	}
	b := []byte(s)
	if string(b) == "012" {
		fmt.Fprintln(os.Stderr, "ok")
	}
	var big [1 << 17]byte
	big[0] = 1
	fmt.Println(big[0], len(big))
	t := &Table{idx: map[Pair]int{{"a", 1}: 1}}
	var e error = t
	fmt.Println(e.Error())
}
