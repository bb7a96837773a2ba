//go:build ignore

// Escape: structs and arrays holding pointers, passed and returned by value, carry their pointers' leaks (content leaks, level=1).
package main

var keep *int

type Pair struct {
	a, b *int
}

type Box struct {
	pair Pair
	name string
}

func first(p Pair) *int { return p.a }

func keepSecond(p Pair) { keep = p.b }

func wrap(a, b *int) Pair { return Pair{a, b} }

func unbox(b *Box) *int { return b.pair.a }

func arr(xs [2]*int) [2]*int { return xs }

func sum(ps [3]*int) int {
	t := 0
	for _, p := range ps {
		t += *p
	}
	return t
}

func main() {
	x, y := 1, 2
	println(*first(Pair{&x, &y}))
	u, v := 3, 4
	keepSecond(wrap(&u, &v))
	println(*keep)
	w := 5
	b := &Box{pair: Pair{a: &w}, name: "box"}
	println(*unbox(b), b.name)
	m, n := 6, 7
	r := arr([2]*int{&m, &n})
	println(*r[0] + *r[1])
	o, q, s := 8, 9, 10
	println(sum([3]*int{&o, &q, &s}))
}
