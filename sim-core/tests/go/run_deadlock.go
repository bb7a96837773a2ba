//go:build ignore

// Runtime: all goroutines are asleep - deadlock! (receive with no sender).
package main

import "fmt"

func main() {
	ch := make(chan int)
	fmt.Println("waiting")
	v := <-ch
	fmt.Println(v)
}
