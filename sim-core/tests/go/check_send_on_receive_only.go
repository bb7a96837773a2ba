//go:build ignore

// Compile error: sending on a receive-only channel.
package main

import "fmt"

func produce(out <-chan int) {
	out <- 1
}

func main() {
	ch := make(chan int, 1)
	produce(ch)
	fmt.Println(<-ch)
}
