//go:build ignore

// Clean check: custom error types, errors.As/Is with wrapping, Stringer, interface embedding.
package main

import (
	"errors"
	"fmt"
)

type NotFound struct{ Key string }

func (e *NotFound) Error() string { return "not found: " + e.Key }

type Reader interface{ Read() string }
type Closer interface{ Close() error }
type ReadCloser interface {
	Reader
	Closer
}

type file struct{ name string }

func (f *file) Read() string  { return "data from " + f.name }
func (f *file) Close() error  { return nil }
func (f *file) String() string { return "file(" + f.name + ")" }

var ErrBase = errors.New("base")

func lookup(k string) error {
	if k == "" {
		return fmt.Errorf("lookup: %w", ErrBase)
	}
	return fmt.Errorf("lookup %q: %w", k, &NotFound{k})
}

func main() {
	var rc ReadCloser = &file{"a.txt"}
	fmt.Println(rc.Read(), rc.Close(), rc)
	err := lookup("x")
	var nf *NotFound
	fmt.Println(errors.As(err, &nf), nf.Key, err)
	fmt.Println(errors.Is(lookup(""), ErrBase))
}
