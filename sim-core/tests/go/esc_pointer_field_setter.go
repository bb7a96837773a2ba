//go:build ignore

// Escape: storing a parameter into a field through a pointer receiver leaks it to the heap.
package main

type Node struct {
	Next  *Node
	Value *int
}

func (n *Node) SetValue(p *int) { n.Value = p }
func (n *Node) Link(m *Node)    { n.Next = m }

func setField(dst *Node, v *int) { dst.Value = v }

func main() {
	a := Node{}
	b := Node{}
	x := 1
	a.SetValue(&x)
	a.Link(&b)
	y := 2
	setField(&b, &y)
	println(*a.Value, *a.Next.Value)
}
