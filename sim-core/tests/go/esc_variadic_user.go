//go:build ignore

// Escape: variadic user functions: read-only ... argument does not escape, a stored one does.
package main

var kept []int

func sum(nums ...int) int {
	t := 0
	for _, n := range nums {
		t += n
	}
	return t
}

func keep(nums ...int) {
	kept = nums
}

func first(ps ...*int) *int {
	return ps[0]
}

func main() {
	println(sum(1, 2, 3))
	keep(4, 5)
	xs := []int{6, 7}
	println(sum(xs...))
	a := 8
	println(*first(&a), len(kept))
}
