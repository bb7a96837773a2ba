//go:build ignore

// Escape: a local map of ints does not escape; a returned map and a map of slices do.
package main

func countLocal(words []string) int {
	seen := make(map[string]int)
	for _, w := range words {
		seen[w]++
	}
	return len(seen)
}

func countReturned(words []string) map[string]int {
	seen := map[string]int{}
	for _, w := range words {
		seen[w]++
	}
	return seen
}

func groups() int {
	g := make(map[int][]int, 4)
	buf := make([]int, 3)
	g[0] = buf
	return len(g[0])
}

func main() {
	ws := []string{"a", "b", "a"}
	println(countLocal(ws), countReturned(ws)["a"], groups())
}
