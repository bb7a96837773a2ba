package main

func main() {
	c := make(chan int, 1)
	done := make(chan struct{})
	go func() {
		defer close(done)
		c <- 1
	}()
	select {
	case v := <-c:
		println(v)
	case <-done:
	}
Outer:
	for i := 0; i < 3; i++ {
		switch {
		case i == 1:
			continue Outer
		case i == 2:
			break Outer
		}
	}
}
