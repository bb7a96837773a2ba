//go:build ignore

// Output: sub-slices share a backing array; copy; append may or may not alias; full slice expressions.
package main

import "fmt"

func main() {
	a := []int{1, 2, 3, 4, 5}
	b := a[1:3]
	b[0] = 20
	fmt.Println(a, b, len(b), cap(b))
	b = append(b, 30)
	fmt.Println(a, b)
	c := a[1:3:3]
	c = append(c, 99)
	c[0] = -1
	fmt.Println(a, c, len(c), cap(c))
	d := make([]int, 2)
	n := copy(d, a)
	fmt.Println(n, d)
	var nilS []int
	empty := []int{}
	fmt.Println(nilS == nil, empty == nil, len(nilS), cap(empty))
	x := make([]int, 3, 10)
	y := append(x, 1)
	z := append(x, 2)
	fmt.Println(y[3], z[3])
	arr := [3]int{1, 2, 3}
	arr2 := arr
	arr2[0] = 100
	fmt.Println(arr, arr2)
	s := arr[:]
	s[1] = 200
	fmt.Println(arr)
}
