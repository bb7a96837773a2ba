//go:build ignore

// Output: buffered channels: len/cap, FIFO order, receive from closed channel, comma-ok.
package main

import "fmt"

func main() {
	ch := make(chan string, 3)
	fmt.Println(len(ch), cap(ch))
	ch <- "a"
	ch <- "b"
	fmt.Println(len(ch), cap(ch))
	fmt.Println(<-ch)
	ch <- "c"
	ch <- "d"
	close(ch)
	for s := range ch {
		fmt.Println("got", s)
	}
	v, ok := <-ch
	fmt.Printf("%q %v\n", v, ok)
	results := make(chan int, 5)
	for i := 1; i <= 5; i++ {
		results <- i * i
	}
	close(results)
	sum := 0
	for r := range results {
		sum += r
	}
	fmt.Println("sum", sum)
}
