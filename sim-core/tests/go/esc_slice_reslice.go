//go:build ignore

// Escape: reslicing, self-assignment of a field slice, appending slices and copying: which backing arrays escape.
package main

var global []*int

type Buffer struct {
	buf []byte
	out [][]byte
}

func (b *Buffer) Skip() {
	b.buf = b.buf[1:]
}

func (b *Buffer) Flush() {
	b.out = append(b.out, b.buf)
}

func window(s []int, i, j int) []int { return s[i:j] }

func appendAll(dst []*int, src []*int) []*int {
	return append(dst, src...)
}

func main() {
	b := &Buffer{buf: []byte("hello")}
	b.Skip()
	b.Flush()
	println(string(b.out[0]))
	nums := []int{1, 2, 3, 4}
	w := window(nums, 1, 3)
	println(len(w), w[0])
	x, y := 1, 2
	local := []*int{&x}
	more := []*int{&y}
	global = appendAll(local, more)
	println(len(global), *global[1])
	src := []int{5, 6, 7}
	dst := make([]int, 3)
	n := copy(dst, src)
	println(n, dst[2])
}
