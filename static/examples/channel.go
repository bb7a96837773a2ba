package main

func main() {
	ch := make(chan *int, 1)
	x := 3
	ch <- &x
	p := <-ch
	println(*p)
}
