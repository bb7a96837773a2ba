//go:build ignore

// Escape: self-assignments like b.buf = b.buf[1:] are ignored by escape analysis.
package main

type Buffer struct {
	buf []byte
	off int
}

func (b *Buffer) Skip() {
	b.buf = b.buf[1:]
}

func (b *Buffer) Trim(n int) {
	b.buf = b.buf[:len(b.buf)-n]
}

func (b *Buffer) Reset(other []byte) {
	b.buf = other
}

func main() {
	b := &Buffer{buf: []byte("hello")}
	b.Skip()
	b.Trim(1)
	println(string(b.buf))
	b.Reset([]byte("x"))
	println(len(b.buf))
}
