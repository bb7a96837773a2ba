//go:build ignore

// Output: ping-pong between goroutines over unbuffered channels (strictly ordered).
package main

import "fmt"

func player(name string, in <-chan int, out chan<- int, done chan<- bool) {
	for v := range in {
		fmt.Println(name, v)
		if v >= 5 {
			close(out)
			done <- true
			return
		}
		out <- v + 1
	}
	done <- true
}

func main() {
	ping := make(chan int)
	pong := make(chan int)
	done := make(chan bool)
	go player("ping", ping, pong, done)
	go player("pong", pong, ping, done)
	ping <- 0
	<-done
	<-done
	fmt.Println("game over")
}
