//go:build ignore

// Package unsafe: pointer conversions keep their flows, uintptr arithmetic
// on an unsafe.Pointer still carries it (gc's unsafeValue), and the unsafe
// functions return where their pointer operand points.
package unsafeptr

import "unsafe"

type header struct {
	tag  byte
	size int64
	next *header
}

var global unsafe.Pointer

func Bits(f float64) uint64 {
	return *(*uint64)(unsafe.Pointer(&f))
}

func BitsPtr(f float64) *uint64 {
	return (*uint64)(unsafe.Pointer(&f))
}

func Convert(p *float64) *uint64 {
	return (*uint64)(unsafe.Pointer(p))
}

func Second() unsafe.Pointer {
	var x [2]byte
	return unsafe.Pointer(uintptr(unsafe.Pointer(&x[0])) + 1)
}

func Masked() unsafe.Pointer {
	var x [4]byte
	return unsafe.Pointer((uintptr(unsafe.Pointer(&x[1])) &^ 3) << 0)
}

func Keep(p *header) {
	global = unsafe.Pointer(p)
}

func Layout() (uintptr, uintptr, uintptr) {
	var h header
	return unsafe.Sizeof(h), unsafe.Offsetof(h.next), unsafe.Alignof(h.size)
}

func Next(p *header) *header {
	return (*header)(unsafe.Add(unsafe.Pointer(p), unsafe.Offsetof(p.next)))
}

func Bytes(s string) []byte {
	return unsafe.Slice(unsafe.StringData(s), len(s))
}

func Text(b []byte) string {
	return unsafe.String(unsafe.SliceData(b), len(b))
}

func Local() byte {
	b := make([]byte, 8)
	s := unsafe.String(&b[0], 8)
	return s[0]
}
