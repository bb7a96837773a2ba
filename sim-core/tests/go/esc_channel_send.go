//go:build ignore

// Escape: values sent on a channel go to the heap; sending non-pointers does not move anything.
package main

type Job struct{ ID int }

func sendPtr(ch chan *Job) {
	j := Job{ID: 1}
	ch <- &j
}

func sendVal(ch chan Job) {
	j := Job{ID: 2}
	ch <- j
}

func main() {
	pc := make(chan *Job, 1)
	vc := make(chan Job, 1)
	sendPtr(pc)
	sendVal(vc)
	println((<-pc).ID, (<-vc).ID)
	sc := make(chan []int, 1)
	sc <- make([]int, 4)
	println(len(<-sc))
}
