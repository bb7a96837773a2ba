package main

// collect appends to a slice that leaves the function only by being
// returned. The compiler builds it in a 32-byte buffer in collect's frame
// and copies it to the heap once, at the return.
func collect(n int) []int {
	var out []int
	for i := 0; i < n; i++ {
		out = append(out, i*i)
	}
	return out
}

func main() {
	small := collect(3)  // fits the buffer: one heap copy of 3 ints
	large := collect(10) // outgrows it: the appends go to the heap
	println(len(small), cap(small), len(large), cap(large))
}
