//go:build ignore

// Escape: strings.Join, Repeat, ToUpper, Split, Contains, Fields, TrimSpace, HasPrefix.
package main

import "strings"

func main() {
	parts := []string{"x", "y", "z"}
	j := strings.Join(parts, ",")
	r := strings.Repeat("ab", 3)
	u := strings.ToUpper("shout")
	sp := strings.Split("a-b-c", "-")
	c := strings.Contains("seafood", "foo")
	f := strings.Fields("  one two  ")
	t := strings.TrimSpace("  pad  ")
	h := strings.HasPrefix(t, "pa")
	i := strings.Index("chicken", "ken")
	println(j, r, u, len(sp), c, len(f), t, h, i)
}
