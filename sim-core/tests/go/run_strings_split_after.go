//go:build ignore

// strings.SplitAfter and SplitAfterN keep each separator with its part.
package main

import (
	"fmt"
	"strings"
)

func main() {
	fmt.Printf("%q\n", strings.SplitAfter("a,b,c", ","))
	fmt.Printf("%q\n", strings.SplitAfterN("a,b,c,d", ",", 2))
	fmt.Printf("%q\n", strings.SplitAfterN("key=value=x", "=", 2)[0])
	fmt.Printf("%q\n", strings.SplitAfter("abc", ""))
	fmt.Println(len(strings.SplitAfterN("x", ",", 0)))
}
