//go:build ignore

// Several teaching-style mistakes at once (recorded from go build to differential-test the type checker).
package main

import "fmt"

func main() {
	ch := make(chan<- int)
	v := <-ch
	fmt.Println(v)
	var ro <-chan int
	close(ro)
	defer fmt.Println
	go 5
	var f func()
	f = main
	f(1)
	append([]int{}, 1)
	copy(1, 2)
	delete(map[int]int{}, "k")
}
