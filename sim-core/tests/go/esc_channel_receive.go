//go:build ignore

// Escape: receiving pointers from a channel and channels of channels.
package main

type Msg struct{ Text string }

func produce() chan *Msg {
	ch := make(chan *Msg, 2)
	ch <- &Msg{"a"}
	ch <- &Msg{"b"}
	close(ch)
	return ch
}

func reply() string {
	reqs := make(chan chan string, 1)
	resp := make(chan string, 1)
	reqs <- resp
	r := <-reqs
	r <- "pong"
	return <-resp
}

func main() {
	n := 0
	for m := range produce() {
		n += len(m.Text)
	}
	println(n, reply())
}
