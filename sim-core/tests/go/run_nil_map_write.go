//go:build ignore

// Runtime error: assignment to entry in nil map.
package main

import "fmt"

type Registry struct {
	items map[string]int
}

func main() {
	var r Registry
	fmt.Println(r.items["x"], len(r.items))
	r.items["x"] = 1
}
