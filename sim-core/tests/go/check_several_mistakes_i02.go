//go:build ignore

// Several teaching-style mistakes at once (recorded from go build to differential-test the type checker).
package main

import "fmt"

type Node struct {
	Val  int
	Next *Node
}

func (n *Node) Append(v int) *Node {
	n.Next = &Node{Val: v}
	return n.Next
}

func length(n *Node) int {
	if n == nil {
		return 0
	}
	return 1 + length(n.Next)
}

func main() {
	head := Node{Val: 1}
	head.Append(2).Append("3")
	fmt.Println(length(head))
	var list []Node
	list = append(list, &head)
	m := make(map[string]int, "10")
	fmt.Println(list, m, len(m, m))
	for i, v := range m {
		fmt.Println(i + v)
	}
	var f float64 = "1.5"
	_ = f
}
