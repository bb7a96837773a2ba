//go:build ignore

// Clean check: range over int, string (runes), slice, map (sorted keys), channel and arrays.
package main

import (
	"fmt"
	"sort"
)

func main() {
	for i := range 3 {
		fmt.Print(i, " ")
	}
	fmt.Println()
	for i, r := range "héllo" {
		fmt.Print(i, ":", string(r), " ")
	}
	fmt.Println()
	m := map[string]int{"b": 2, "a": 1, "c": 3}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Print(k, "=", m[k], " ")
	}
	fmt.Println()
	ch := make(chan string, 2)
	ch <- "x"
	ch <- "y"
	close(ch)
	for s := range ch {
		fmt.Print(s)
	}
	fmt.Println()
	arr := [3]int{7, 8, 9}
	for i := range arr {
		arr[i] *= 2
	}
	fmt.Println(arr, len(arr))
}
