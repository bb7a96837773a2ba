//go:build ignore

// Escape: new and &T{} of large types over 64 KiB go to the heap even when not returned.
package main

type Big struct{ data [70000]byte }
type Small struct{ data [1000]byte }

func bigNew() int {
	b := new(Big)
	b.data[0] = 1
	return int(b.data[0])
}

func bigLit() int {
	b := &Big{}
	return len(b.data)
}

func smallNew() int {
	s := new(Small)
	return len(s.data)
}

func bigSliceLit() int {
	s := []byte{65536: 1}
	return len(s)
}

func main() {
	println(bigNew(), bigLit(), smallNew(), bigSliceLit())
}
