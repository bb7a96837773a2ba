package main

import "fmt"

func f(v int) string {
	switch x := any(v).(type) {
	case int:
		return fmt.Sprint(x)
	}
	var e interface{} = v
	_ = e
	return fmt.Sprint(any(v), interface{}(v))
}

func main() { f(1) }
