//go:build ignore

// Escape: slice and array literals: local, returned, and pointers to them.
package main

func localSum() int {
	s := []int{1, 2, 3}
	t := 0
	for _, v := range s {
		t += v
	}
	return t
}

func returned() []string {
	return []string{"a", "b"}
}

func arrayPtr() *[3]int {
	return &[3]int{4, 5, 6}
}

func nested() int {
	grid := [][]int{{1, 2}, {3, 4}}
	return len(grid) + grid[1][1]
}

func main() {
	println(localSum(), len(returned()), arrayPtr()[2], nested())
}
