//go:build ignore

// Escape: capture by value (small, never reassigned) versus by reference (reassigned, address taken, big).
package main

var keep []func() int

func capture() {
	small := 1
	keep = append(keep, func() int { return small })

	changed := 2
	keep = append(keep, func() int { return changed })
	changed = 3

	addr := 4
	p := &addr
	keep = append(keep, func() int { return *p + addr })

	var big [32]int
	big[0] = 5
	keep = append(keep, func() int { return big[0] })
}

func main() {
	capture()
	for _, f := range keep {
		print(f(), " ")
	}
	println()
}
