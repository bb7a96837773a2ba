//go:build ignore

// Escape: sort.Slice with a closure, sort.Ints, sort.Strings, sort.Search, sort.SliceStable.
package main

import (
	"fmt"
	"sort"
)

type Person struct {
	Name string
	Age  int
}

func main() {
	people := []Person{{"ann", 30}, {"bob", 25}, {"cid", 35}}
	sort.Slice(people, func(i, j int) bool { return people[i].Age < people[j].Age })
	ints := []int{5, 2, 8}
	sort.Ints(ints)
	strs := []string{"b", "a"}
	sort.Strings(strs)
	idx := sort.Search(len(ints), func(i int) bool { return ints[i] >= 5 })
	sort.SliceStable(strs, func(i, j int) bool { return strs[i] > strs[j] })
	fmt.Println(people[0].Name, ints, strs, idx)
}
