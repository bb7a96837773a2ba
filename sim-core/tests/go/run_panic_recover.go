//go:build ignore

// Output: panic and recover: recovered values, re-panicking, recover outside a deferred call returns nil.
package main

import (
	"errors"
	"fmt"
)

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return a / b, nil
}

func try(f func()) (msg string) {
	defer func() {
		r := recover()
		msg = fmt.Sprintf("%T %v", r, r)
	}()
	f()
	return "no panic"
}

func main() {
	fmt.Println(safeDiv(7, 2))
	fmt.Println(safeDiv(1, 0))
	fmt.Println(try(func() { panic("string value") }))
	fmt.Println(try(func() { panic(errors.New("an error")) }))
	fmt.Println(try(func() { panic(42) }))
	fmt.Println(try(func() {}))
	var arr []int
	fmt.Println(try(func() { _ = arr[5] }))
	fmt.Println(recover())
	fmt.Println(try(func() {
		defer func() { panic("second") }()
		panic("first")
	}))
}
