//go:build ignore

// Escape: goroutines sending results on a channel; the channel and captured slice escape.
package main

func square(nums []int, out chan<- int) {
	for _, n := range nums {
		out <- n * n
	}
	close(out)
}

func main() {
	nums := []int{1, 2, 3}
	out := make(chan int)
	go square(nums, out)
	total := 0
	for v := range out {
		total += v
	}
	done := make(chan bool)
	msg := "bye"
	go func() {
		println(msg)
		done <- true
	}()
	<-done
	println(total)
}
