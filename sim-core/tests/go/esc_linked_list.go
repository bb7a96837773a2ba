//go:build ignore

// Escape: building a linked list with &Node{} in a loop; nodes escape through the returned head.
package main

type Node struct {
	Val  int
	Next *Node
}

func build(n int) *Node {
	var head *Node
	for i := 0; i < n; i++ {
		head = &Node{Val: i, Next: head}
	}
	return head
}

func length(n *Node) int {
	c := 0
	for ; n != nil; n = n.Next {
		c++
	}
	return c
}

func localList() int {
	a := Node{Val: 1}
	b := Node{Val: 2, Next: &a}
	return length(&b)
}

func main() {
	println(length(build(5)), localList())
}
