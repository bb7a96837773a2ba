//go:build ignore

// Escape: appending a pointer onto a slice sends the pointee to the heap, even for a local slice.
package main

type Rec struct{ N int }

func collect() int {
	var ptrs []*Rec
	for i := 0; i < 3; i++ {
		r := Rec{i}
		ptrs = append(ptrs, &r)
	}
	return len(ptrs)
}

func appendValues() int {
	var recs []Rec
	r := Rec{1}
	recs = append(recs, r)
	return len(recs)
}

func appendSlices(dst [][]int) [][]int {
	row := []int{1, 2}
	return append(dst, row)
}

func main() {
	println(collect(), appendValues(), len(appendSlices(nil)))
}
