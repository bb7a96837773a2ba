//go:build ignore

// Escape: converting structs with strings and interfaces to non-empty interfaces; interface type literals; type switches to concrete types.
package main

type Shape interface {
	Area() int
	Name() string
}

type Rect struct {
	W, H  int
	Label string
}

func (r Rect) Area() int    { return r.W * r.H }
func (r Rect) Name() string { return r.Label }

type Tagged struct {
	Tag  string
	Note interface{}
	Size [2]string
}

func (t *Tagged) Area() int    { return len(t.Tag) }
func (t *Tagged) Name() string { return t.Tag }

type Keyed struct {
	K string
	N int
}

func (k Keyed) Area() int    { return k.N }
func (k Keyed) Name() string { return k.K }

func describe(s Shape) string {
	switch v := s.(type) {
	case Rect:
		return "rect " + v.Label
	case *Tagged:
		return "tagged " + v.Tag
	}
	return "other"
}

func total(shapes []Shape) int {
	t := 0
	for _, s := range shapes {
		t += s.Area()
	}
	return t
}

func named(x interface{ Name() string }) string { return x.Name() }

func main() {
	shapes := []Shape{Rect{2, 3, "r"}, &Tagged{Tag: "t"}, Keyed{"k", 4}}
	println(total(shapes))
	for _, s := range shapes {
		println(describe(s))
	}
	println(named(Rect{1, 1, "n"}))
	seen := map[Keyed]bool{{"a", 1}: true}
	println(seen[Keyed{"a", 1}])
	if k, ok := shapes[2].(Keyed); ok {
		println(k.K)
	}
}
