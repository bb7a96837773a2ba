//go:build ignore

// Output: embedded structs, promoted fields and methods, shadowing, and printing with %+v.
package main

import "fmt"

type Base struct {
	ID   int
	Name string
}

func (b Base) Describe() string { return fmt.Sprintf("Base(%d, %s)", b.ID, b.Name) }
func (b *Base) SetName(n string) { b.Name = n }

type Employee struct {
	Base
	Name   string
	Salary int
}

type Manager struct {
	*Employee
	Reports []string
}

func main() {
	e := Employee{Base{1, "base-name"}, "emp-name", 100}
	fmt.Println(e.Name, e.Base.Name, e.ID)
	e.SetName("renamed")
	fmt.Println(e.Describe())
	fmt.Printf("%v\n%+v\n", e, e)
	m := Manager{&e, []string{"x", "y"}}
	m.Salary += 50
	fmt.Println(m.Salary, e.Salary, m.Describe(), len(m.Reports))
}
