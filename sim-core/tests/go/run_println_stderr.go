//go:build ignore

// Output: builtin println/print write to stderr, fmt to stdout; both are merged in order.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("stdout 1")
	println("stderr 1", 42, true, 3.5)
	fmt.Fprintln(os.Stderr, "stderr via fmt")
	print("no newline ", 7, "\n")
	fmt.Println("stdout 2")
	var p *int
	println(p == nil, nil == p, -0.0, 1e100, int8(-5), uint64(1<<63))
	println('a', "tab\there")
}
