//go:build ignore

// Escape: new(T) kept local does not escape; new(T) returned or stored escapes.
package main

type Node struct {
	Val  int
	Next *Node
}

var head *Node

func local() int {
	p := new(int)
	*p = 3
	n := new(Node)
	n.Val = *p
	return n.Val
}

func returned() *Node {
	n := new(Node)
	n.Val = 1
	return n
}

func stored() {
	n := new(Node)
	n.Next = head
	head = n
}

func main() {
	stored()
	println(local(), returned().Val, head != nil)
}
