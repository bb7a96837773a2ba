//go:build ignore

// Runtime error: close of a closed channel.
package main

import "fmt"

func main() {
	done := make(chan struct{})
	close(done)
	<-done
	fmt.Println("closed once")
	close(done)
}
