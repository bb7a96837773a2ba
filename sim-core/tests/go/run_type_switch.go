//go:build ignore

// Output: type switches over many dynamic types, including nil and multiple types per case.
package main

import (
	"errors"
	"fmt"
)

type Celsius float64
type Shape interface{ Area() float64 }
type Circle struct{ R float64 }

func (c Circle) Area() float64 { return 3 * c.R * c.R }

func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int:
		return fmt.Sprintf("int %d", x)
	case int8, int16:
		return fmt.Sprintf("small int %v", x)
	case string:
		return fmt.Sprintf("string %q", x)
	case []int:
		return fmt.Sprintf("slice len %d", len(x))
	case Celsius:
		return fmt.Sprintf("temperature %.1f", float64(x))
	case error:
		return "error " + x.Error()
	case Shape:
		return fmt.Sprintf("shape %T area %.0f", x, x.Area())
	case func() int:
		return fmt.Sprint("func returning ", x())
	default:
		return fmt.Sprintf("unknown %T", x)
	}
}

func main() {
	vals := []any{nil, 1, int8(2), "hi", []int{1, 2}, Celsius(36.6), errors.New("e"), Circle{2}, func() int { return 9 }, 2.5, struct{}{}}
	for _, v := range vals {
		fmt.Println(describe(v))
	}
}
