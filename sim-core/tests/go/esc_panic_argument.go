//go:build ignore

// Escape: values passed to panic escape to the heap.
package main

import "errors"

type MyErr struct{ Code int }

func fail(code int) {
	if code > 2 {
		panic(&MyErr{code})
	}
	if code > 1 {
		panic(errors.New("two"))
	}
	if code > 0 {
		panic(code)
	}
}

func main() {
	defer func() {
		r := recover()
		println(r.(*MyErr).Code)
	}()
	fail(0)
	fail(3)
}
