package main

/*
Package comment.
*/
func main() { /* inline */
	x := 1 /* trailing
	comment */
	_ = x
}
