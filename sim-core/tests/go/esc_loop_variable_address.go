//go:build ignore

// Escape: the address of a per-iteration loop variable stored in an outer slice moves it to the heap.
package main

func addrs() int {
	var out []*int
	for i := 0; i < 3; i++ {
		out = append(out, &i)
	}
	return *out[0] + *out[2]
}

func rangeAddrs(xs []int) int {
	ptrs := make([]*int, len(xs))
	for i, v := range xs {
		ptrs[i] = &v
	}
	return *ptrs[1]
}

func outerPointer() int {
	var last *int
	for i := 0; i < 3; i++ {
		x := i * 10
		last = &x
	}
	return *last
}

func main() {
	println(addrs(), rangeAddrs([]int{4, 5}), outerPointer())
}
