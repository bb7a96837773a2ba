//go:build ignore

// Output: select where exactly one case can proceed, default cases, nil channels and timeouts avoided.
package main

import "fmt"

func main() {
	a := make(chan int, 1)
	b := make(chan int, 1)
	a <- 1
	select {
	case v := <-a:
		fmt.Println("from a", v)
	case v := <-b:
		fmt.Println("from b", v)
	}
	select {
	case v := <-a:
		fmt.Println("unexpected", v)
	default:
		fmt.Println("nothing ready")
	}
	var nilCh chan int
	b <- 2
	select {
	case <-nilCh:
		fmt.Println("never")
	case v := <-b:
		fmt.Println("from b", v)
	}
	quit := make(chan struct{})
	out := make(chan int)
	go func() {
		for i := 0; i < 3; i++ {
			out <- i
		}
		close(quit)
	}()
	for {
		select {
		case v := <-out:
			fmt.Println("value", v)
			continue
		case <-quit:
			fmt.Println("quit")
		}
		break
	}
	full := make(chan int, 1)
	full <- 9
	select {
	case full <- 10:
		fmt.Println("sent")
	default:
		fmt.Println("channel full")
	}
}
