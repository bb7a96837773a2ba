//go:build ignore

// Escape: appending pointers to a package-level slice.
package main

type Item struct{ ID int }

var registry []*Item

func register(it *Item) {
	registry = append(registry, it)
}

func main() {
	for i := 0; i < 3; i++ {
		it := Item{ID: i}
		register(&it)
	}
	extra := &Item{ID: 99}
	registry = append(registry, extra)
	println(len(registry), registry[3].ID)
}
