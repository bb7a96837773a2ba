//go:build ignore

// Escape: string concatenation, kept local or returned, and strings built in a loop.
package main

func greet(name string) string {
	return "hello, " + name
}

func localLen(a, b string) int {
	s := a + b
	return len(s)
}

func repeat(s string, n int) string {
	out := ""
	for i := 0; i < n; i++ {
		out += s
	}
	return out
}

func main() {
	println(greet("go"), localLen("ab", "cd"), repeat("xy", 3))
}
