//go:build ignore

// A clean program mixing many features teaching examples use.
package main

import (
	"errors"
	"fmt"
	"os"
	"sort"
	"strconv"
)

type Stack struct {
	items []int
}

func (s *Stack) Push(v int) { s.items = append(s.items, v) }

func (s *Stack) Pop() (int, bool) {
	if len(s.items) == 0 {
		return 0, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

var ErrEmpty = errors.New("empty")

func parse(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("parse %q: %w", s, err)
	}
	return n, nil
}

func main() {
	s := Stack{}
	s.Push(1)
	v, ok := s.Pop()
	fmt.Println(v, ok)
	people := []struct {
		Name string
		Age  int
	}{{"A", 3}, {"B", 1}}
	sort.Slice(people, func(i, j int) bool { return people[i].Age < people[j].Age })
	fmt.Fprintln(os.Stdout, people)
	if _, err := parse("x"); errors.Is(err, ErrEmpty) {
		os.Exit(1)
	}
	var e error
	var ne *strconv.NumError
	if errors.As(e, &ne) {
		fmt.Println(ne.Func)
	}
	m := map[string][]int{}
	m["a"] = append(m["a"], 1)
	for k, vs := range m {
		fmt.Println(k, len(vs), cap(vs))
	}
	arr := [...]string{"x", "y"}
	for i := range arr {
		fmt.Print(i, arr[i])
	}
	for i := range 3 {
		fmt.Println(i)
	}
	type pair struct{ a, b int }
	p := pair{1, 2}
	pp := &p
	pp.a++
	fmt.Printf("%v %d\n", p, min(p.a, p.b, 7))
	var x interface{} = 3.5
	switch t := x.(type) {
	case int, int64:
		fmt.Println("int", t)
	case float64:
		fmt.Println(t + 1)
	case nil:
	default:
		_ = t
	}
	ch := make(chan int, 3)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for v := range ch {
			fmt.Println(v)
		}
	}()
	ch <- 1
	close(ch)
	<-done
	select {
	case v, ok := <-ch:
		fmt.Println(v, ok)
	default:
	}
	bs := []byte("hello")
	str := string(bs[1:3])
	rs := []rune(str)
	fmt.Println(len(rs), str[0], string(rs[0]))
	f := s.Push
	f(3)
	g := (*Stack).Push
	g(&s, 4)
	const (
		A = iota * 10
		B
		C
	)
	fmt.Println(A, B, C, 1<<3, 7/2, 7.0/2, -5%3)
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("recovered", r)
		}
	}()
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 1 {
				continue outer
			}
			if i == 2 {
				break outer
			}
		}
	}
	panic("boom")
}
