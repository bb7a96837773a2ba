//go:build ignore

// Clean check: type switches with multiple types per case, nil case, interface assertions.
package main

import (
	"errors"
	"fmt"
)

type Shape interface{ Area() float64 }
type Rect struct{ W, H float64 }

func (r Rect) Area() float64 { return r.W * r.H }

func classify(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprintf("integer %v", x)
	case string:
		return "string of length " + fmt.Sprint(len(x))
	case error:
		return "error: " + x.Error()
	case Shape:
		return fmt.Sprintf("shape with area %.1f", x.Area())
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func main() {
	for _, v := range []any{nil, 3, int64(4), "abc", errors.New("boom"), Rect{2, 3}, 1.5} {
		fmt.Println(classify(v))
	}
	var s Shape = Rect{1, 1}
	if r, ok := s.(Rect); ok {
		fmt.Println(r.W)
	}
}
