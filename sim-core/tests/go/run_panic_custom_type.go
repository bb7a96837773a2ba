//go:build ignore

// Runtime: panic with a custom error type and with a named integer type.
package main

import "fmt"

type ValidationError struct {
	Field string
	Code  int
}

func (e ValidationError) Error() string {
	return fmt.Sprintf("invalid %s (code %d)", e.Field, e.Code)
}

type Status int

func main() {
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
		panic(ValidationError{"email", 7})
	}()
	panic(Status(3))
}
