//go:build ignore

// Runtime error: close of a nil channel.
package main

import "fmt"

func main() {
	var ch chan int
	fmt.Println(ch == nil)
	close(ch)
}
