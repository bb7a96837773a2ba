//go:build ignore

// Clean check: multiple results, named results with bare return, defer modifying a named result.
package main

import (
	"errors"
	"fmt"
)

func divmod(a, b int) (q, r int, err error) {
	if b == 0 {
		err = errors.New("divide by zero")
		return
	}
	q, r = a/b, a%b
	return
}

func safe() (result string) {
	defer func() {
		if r := recover(); r != nil {
			result = fmt.Sprint("recovered: ", r)
		}
	}()
	panic("oops")
}

func main() {
	q, r, err := divmod(17, 5)
	fmt.Println(q, r, err)
	_, _, err = divmod(1, 0)
	fmt.Println(err)
	fmt.Println(safe())
}
