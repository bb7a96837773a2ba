package main

func main() {
	var a <-chan <-chan int
	var b chan<- chan int
	c := make(chan int)
	go func() { c <- 1 }()
	_, _ = a, b
	println(<-c)
}
