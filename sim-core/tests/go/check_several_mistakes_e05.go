//go:build ignore

// Several teaching-style mistakes at once (recorded from go build to differential-test the type checker).
package main

import "fmt"

func divide(a, b int) (int, error) {
	if b == 0 {
		return 0, fmt.Errorf("divide by zero")
	}
	return a / b
}

func main() {
	r := divide(4, 2)
	fmt.Println(r)
	x, err := divide(1, 0)
	fmt.Println(x)
}
