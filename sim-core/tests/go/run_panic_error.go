//go:build ignore

// Runtime: explicit panic with an error value (wrapped with fmt.Errorf).
package main

import (
	"errors"
	"fmt"
)

var ErrConfig = errors.New("missing config")

func load() error {
	return fmt.Errorf("load: %w", ErrConfig)
}

func main() {
	if err := load(); err != nil {
		fmt.Println("got:", err)
		panic(err)
	}
}
