//go:build ignore

// Escape: custom error values returned as error escape; errors.New results escape.
package main

import "errors"

type ParseError struct {
	Line int
	Msg  string
}

func (e *ParseError) Error() string { return e.Msg }

type codeErr int

func (c codeErr) Error() string { return "code" }

func parse(s string) error {
	if s == "" {
		return &ParseError{Line: 1, Msg: "empty"}
	}
	if s == "?" {
		return codeErr(2)
	}
	if s == "!" {
		return errors.New("bang")
	}
	return nil
}

func main() {
	for _, s := range []string{"", "?", "!", "ok"} {
		err := parse(s)
		if err != nil {
			println(err.Error())
		}
	}
}
