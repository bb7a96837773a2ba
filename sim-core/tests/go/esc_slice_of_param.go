//go:build ignore

// Escape: reslicing, indexing and ranging over parameter slices; leaking to result versus no leak.
package main

func head(s []int) []int  { return s[:1] }
func tail(s []int) []int  { return s[1:] }
func elem(s []*int) *int  { return s[0] }
func total(s []int) (t int) {
	for _, v := range s {
		t += v
	}
	return
}
func lastByte(b []byte) byte { return b[len(b)-1] }

func main() {
	s := []int{1, 2, 3}
	x := 9
	ps := []*int{&x}
	println(len(head(s)), len(tail(s)), *elem(ps), total(s), lastByte([]byte("hi")))
}
