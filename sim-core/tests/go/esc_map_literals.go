//go:build ignore

// Escape: map literals and make(map) kept local or returned.
package main

func local() int {
	m := map[string]int{"a": 1, "b": 2}
	return m["a"] + m["b"]
}

func localMake(n int) int {
	m := make(map[int]int, n)
	for i := 0; i < n; i++ {
		m[i] = i
	}
	return len(m)
}

func returned() map[string]bool {
	return map[string]bool{"x": true}
}

var global map[int]string

func stored() {
	global = make(map[int]string)
	global[1] = "one"
}

func main() {
	stored()
	println(local(), localMake(4), returned()["x"], global[1])
}
