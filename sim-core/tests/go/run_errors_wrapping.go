//go:build ignore

// Output: error wrapping with %w, errors.Is, errors.As, errors.Unwrap, errors.Join and custom error types.
package main

import (
	"errors"
	"fmt"
	"os"
)

type NotFoundError struct{ Name string }

func (e *NotFoundError) Error() string { return e.Name + " not found" }

var ErrPermission = errors.New("permission denied")

func open(name string) error {
	switch name {
	case "secret":
		return fmt.Errorf("open %s: %w", name, ErrPermission)
	case "missing":
		return fmt.Errorf("open: %w", &NotFoundError{name})
	}
	return nil
}

func main() {
	for _, n := range []string{"secret", "missing", "ok"} {
		err := open(n)
		var nf *NotFoundError
		fmt.Println(err, errors.Is(err, ErrPermission), errors.As(err, &nf))
	}
	err := open("secret")
	fmt.Println(errors.Unwrap(err) == ErrPermission, errors.Unwrap(errors.Unwrap(err)))
	joined := errors.Join(errors.New("a"), errors.New("b"))
	fmt.Println(joined)
	_, err = os.Open("/definitely/not/here.txt")
	fmt.Println(err, errors.Is(err, os.ErrNotExist))
}
