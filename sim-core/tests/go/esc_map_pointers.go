//go:build ignore

// Escape: maps hold their keys and values on the heap: pointers stored as keys or values escape, the map itself may not.
package main

type Point struct{ X, Y int }

func index(ps []*Point) map[int]*Point {
	m := make(map[int]*Point)
	for i, p := range ps {
		m[i] = p
	}
	return m
}

func countKeys() int {
	a, b := 1, 2
	m := map[*int]bool{&a: true, &b: false}
	return len(m)
}

func lookup(m map[string]*Point, k string) *Point {
	return m[k]
}

func main() {
	p := &Point{1, 2}
	q := &Point{3, 4}
	m := index([]*Point{p, q})
	println(m[1].X)
	println(countKeys())
	names := map[string]*Point{"origin": {0, 0}}
	println(lookup(names, "origin").Y)
	grid := map[Point]string{{1, 1}: "one"}
	println(grid[Point{1, 1}])
	for k, v := range names {
		pk := &k
		println(*pk, v.X)
	}
}
