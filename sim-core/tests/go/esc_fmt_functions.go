//go:build ignore

// Escape: fmt.Sprintf, fmt.Errorf, fmt.Fprintf(os.Stdout, ...), fmt.Sprint and fmt.Sprintln.
package main

import (
	"fmt"
	"os"
)

type P struct{ X int }

func label(n int) string {
	return fmt.Sprintf("item-%03d", n)
}

func main() {
	s := label(7)
	err := fmt.Errorf("failed after %d tries: %s", 3, s)
	fmt.Fprintf(os.Stdout, "%s|%v\n", s, err)
	p := P{1}
	fmt.Fprintln(os.Stdout, p, &p)
	t := fmt.Sprint("a", 1, 2, "b")
	u := fmt.Sprintln("line", 2)
	fmt.Print(t, "\n", u)
}
