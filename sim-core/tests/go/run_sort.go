//go:build ignore

// Output: sort.Ints, sort.Strings, sort.Slice, sort.SliceStable, sort.Search and sort.Sort.
package main

import (
	"fmt"
	"sort"
)

type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) }
func (b byLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

func main() {
	ints := []int{5, 2, 9, 1, 5, 6}
	sort.Ints(ints)
	fmt.Println(ints, sort.IntsAreSorted(ints))
	strs := []string{"pear", "apple", "fig", "Banana"}
	sort.Strings(strs)
	fmt.Println(strs)
	people := []struct {
		Name string
		Age  int
	}{{"al", 30}, {"bo", 25}, {"cy", 30}, {"di", 25}}
	sort.SliceStable(people, func(i, j int) bool { return people[i].Age < people[j].Age })
	fmt.Println(people)
	sort.Slice(ints, func(i, j int) bool { return ints[i] > ints[j] })
	fmt.Println(ints)
	asc := []int{1, 3, 5, 7}
	fmt.Println(sort.SearchInts(asc, 5), sort.SearchInts(asc, 4), sort.Search(len(asc), func(i int) bool { return asc[i] > 6 }))
	words := byLen{"ccc", "a", "bb"}
	sort.Sort(words)
	fmt.Println(words)
	sort.Sort(sort.Reverse(sort.IntSlice(asc)))
	fmt.Println(asc)
}
