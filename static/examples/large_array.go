package main

func sum() int {
	var small [1024]int   // 8 KiB: fits in the frame
	var big [100_000]int  // 800 KB: too large for a stack frame
	small[0], big[0] = 1, 2
	return small[0] + big[0]
}

func main() {
	println(sum())
}
