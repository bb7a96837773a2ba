package main

type Point struct{ X, Y int }

func dist2() int {
	p := new(Point)
	p.X, p.Y = 3, 4
	q := &Point{X: 1, Y: 1}
	return p.X*p.X + p.Y*p.Y + q.X
}

func main() {
	println(dist2())
}
