//go:build ignore

// Several teaching-style mistakes at once (recorded from go build to differential-test the type checker).
package main

import (
	f "fmt"
	"strings"
)

type Counter struct{ n int }

func (c *Counter) Inc() { c.n++ }

func (c Counter) Inc() {}

func (s string) Shout() string { return s }

func main() {
	m := map[string]Counter{}
	m["a"].Inc()
	m["a"].n = 2
	Counter{}.Inc()
	s := "abc"
	s[0] = 'x'
	func() {
		unused := 1
	}()
	var arr [3]int
	arr[3] = 1
	_ = strings.ToUpper
}
