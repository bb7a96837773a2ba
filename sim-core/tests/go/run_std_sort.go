//go:build ignore

// Output: sort.Sort, sort.Stable, sort.Slice on more than 12 elements with ties, sort.Reverse and the slice types.
package main

import (
	"fmt"
	"sort"
)

type person struct {
	name string
	age  int
}

type byAge []person

func (a byAge) Len() int           { return len(a) }
func (a byAge) Less(i, j int) bool { return a[i].age < a[j].age }
func (a byAge) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }

func people() []person {
	names := "abcdefghijklmnopqrstuvwxyz"
	ps := make([]person, 0, 26)
	for i := 0; i < 26; i++ {
		ps = append(ps, person{names[i : i+1], (i * 7) % 5})
	}
	return ps
}

func main() {
	ps := people()
	sort.Sort(byAge(ps))
	fmt.Println(ps)
	ps = people()
	sort.Stable(byAge(ps))
	fmt.Println(ps)
	ps = people()
	sort.Slice(ps, func(i, j int) bool { return ps[i].age > ps[j].age })
	fmt.Println(ps)
	ps = people()
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].age > ps[j].age })
	fmt.Println(ps)
	xs := []int{}
	for i := 0; i < 60; i++ {
		xs = append(xs, (i*37)%23)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(xs)))
	fmt.Println(xs)
	calls := 0
	ys := []int{5, 1, 4, 2, 3}
	sort.Slice(ys, func(i, j int) bool { calls++; return ys[i] < ys[j] })
	fmt.Println(ys, calls)
	ss := sort.StringSlice{"pear", "Apple", "fig"}
	sort.Sort(ss)
	fmt.Println(ss, ss.Len(), ss.Less(0, 1))
	fs := []float64{2.5, -1, 0, 10}
	sort.Float64s(fs)
	fmt.Println(fs, sort.SearchInts([]int{1, 3, 5}, 6), sort.IntsAreSorted([]int{3, 1}))
}
