//go:build ignore

// Compile error: the interface method has a pointer receiver, the value does not implement it.
package main

import "fmt"

type Stringer interface {
	String() string
}

type Name struct{ s string }

func (n *Name) String() string { return n.s }

func main() {
	var st Stringer = Name{"go"}
	fmt.Println(st.String())
}
