//go:build ignore

// Several teaching-style mistakes at once (recorded from go build to differential-test the type checker).
package main

import (
	"fmt"
	"strings"
)

func main() {
	var sb strings.Builder
	sb.WriteString(42)
	fmt.Println(sb.String(1))
	fmt.Println(strings.ToUpper())
	n := len(5)
	_ = n
	p := new(int, 3)
	_ = p
}
