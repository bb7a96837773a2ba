//go:build ignore

// Escape: returning structs and arrays by value keeps everything on the stack.
package main

type Point struct{ X, Y int }

func makePoint(x, y int) Point {
	p := Point{x, y}
	return p
}

func makeArray() [4]int {
	var a [4]int
	for i := range a {
		a[i] = i * i
	}
	return a
}

func main() {
	p := makePoint(1, 2)
	a := makeArray()
	q := &p
	println(q.X+q.Y, a[3])
}
