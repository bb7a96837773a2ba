//go:build ignore

// Runtime: deadlock on an unbuffered send in main with no receiver.
package main

import "fmt"

func main() {
	ch := make(chan string)
	ch <- "hello"
	fmt.Println(<-ch)
}
