//go:build ignore

// Escape: a pointer stored in a package-level variable moves its target to the heap.
package main

type Config struct{ Name string }

var current *Config
var counter *int

func install(c *Config) { current = c }

func main() {
	n := 10
	counter = &n
	cfg := Config{Name: "dev"}
	install(&cfg)
	local := Config{Name: "local"}
	lp := &local
	println(*counter, current.Name, lp.Name)
}
