//go:build ignore

// Clean check: select with default, directional channels, range over a channel, close.
package main

import "fmt"

func produce(out chan<- int, n int) {
	for i := range n {
		out <- i * i
	}
	close(out)
}

func main() {
	ch := make(chan int)
	go produce(ch, 4)
	sum := 0
	for v := range ch {
		sum += v
	}
	fmt.Println(sum)
	done := make(chan struct{}, 1)
	select {
	case <-done:
		fmt.Println("unexpected")
	default:
		fmt.Println("nothing ready")
	}
	done <- struct{}{}
	select {
	case <-done:
		fmt.Println("ready")
	}
}
