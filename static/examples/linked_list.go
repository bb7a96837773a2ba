package main

type Node struct {
	Value int
	Next  *Node
}

// push returns a new node in front of head: every node outlives push.
func push(head *Node, v int) *Node {
	return &Node{Value: v, Next: head}
}

func main() {
	var head *Node
	for i := 0; i < 60; i++ {
		head = push(head, i)
	}
	total := 0
	for n := head; n != nil; n = n.Next {
		total += n.Value
	}
	println(total)
}
