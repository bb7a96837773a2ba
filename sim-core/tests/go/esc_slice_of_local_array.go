//go:build ignore

// Escape: slicing a local array: returned slice moves the array to the heap, local use does not.
package main

func returned() []int {
	var arr [4]int
	arr[0] = 1
	return arr[:]
}

func local() int {
	var arr [4]int
	s := arr[1:3]
	s[0] = 5
	return arr[1] + len(s)
}

func passed() int {
	var buf [8]byte
	return fill(buf[:])
}

func fill(b []byte) int {
	for i := range b {
		b[i] = byte(i)
	}
	return len(b)
}

func main() {
	println(len(returned()), local(), passed())
}
