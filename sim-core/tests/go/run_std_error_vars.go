//go:build ignore

// Output: the library's error variables hold their values before main and
// before any library call (a package-level var copies one).
package main

import (
	"errors"
	"fmt"
	"os"
	"strconv"
)

var early = strconv.ErrRange

func main() {
	fmt.Println(early, strconv.ErrSyntax, os.ErrNotExist)
	_, err := strconv.Atoi("99999999999999999999")
	fmt.Println(errors.Is(err, strconv.ErrRange), errors.Is(err, early))
}
