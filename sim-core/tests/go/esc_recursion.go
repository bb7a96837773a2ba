//go:build ignore

// Escape: recursive functions: pointer params through recursion, building a list recursively.
package main

type Node struct {
	Val  int
	Next *Node
}

func build(n int) *Node {
	if n == 0 {
		return nil
	}
	return &Node{Val: n, Next: build(n - 1)}
}

func sum(n *Node) int {
	if n == nil {
		return 0
	}
	return n.Val + sum(n.Next)
}

func depth(p *int, n int) int {
	if n == 0 {
		return *p
	}
	return depth(p, n-1) + 1
}

func main() {
	l := build(4)
	x := 5
	println(sum(l), depth(&x, 3))
}
