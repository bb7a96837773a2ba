//go:build ignore

// Escape: errors.New, errors.Is, errors.As, fmt.Errorf with %w and a custom error type.
package main

import (
	"errors"
	"fmt"
)

var ErrNotFound = errors.New("not found")

type QueryErr struct{ Query string }

func (e *QueryErr) Error() string { return "bad query " + e.Query }

func find(k string) error {
	if k == "" {
		return &QueryErr{Query: k}
	}
	return fmt.Errorf("find %s: %w", k, ErrNotFound)
}

func main() {
	err := find("x")
	fmt.Println(errors.Is(err, ErrNotFound))
	var qe *QueryErr
	if errors.As(find(""), &qe) {
		fmt.Println("query error:", qe.Query == "")
	}
	local := errors.New("local")
	println(local.Error())
}
