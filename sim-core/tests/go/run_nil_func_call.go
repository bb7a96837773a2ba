//go:build ignore

// Runtime error: calling a nil function value.
package main

import "fmt"

var handlers = map[string]func() string{
	"hi": func() string { return "hello" },
}

func main() {
	fmt.Println(handlers["hi"]())
	fmt.Println(handlers["bye"]())
}
