//go:build ignore

// Escape: strings.Builder used locally and returned; WriteString/WriteByte/String.
package main

import (
	"fmt"
	"strings"
)

func join(words []string) string {
	var sb strings.Builder
	for i, w := range words {
		if i > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(w)
	}
	return sb.String()
}

func newBuilder() *strings.Builder {
	sb := &strings.Builder{}
	sb.WriteString("start")
	return sb
}

func main() {
	fmt.Println(join([]string{"a", "b", "c"}))
	b := newBuilder()
	fmt.Fprintf(b, "-%d", 1)
	fmt.Println(b.String(), b.Len())
}
