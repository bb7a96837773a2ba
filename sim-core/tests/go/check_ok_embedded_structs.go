//go:build ignore

// Clean check: embedded structs, promoted fields and methods, method overriding.
package main

import "fmt"

type Animal struct {
	Name string
	Legs int
}

func (a Animal) Describe() string { return fmt.Sprintf("%s has %d legs", a.Name, a.Legs) }
func (a *Animal) Rename(n string) { a.Name = n }

type Dog struct {
	Animal
	Breed string
}

func (d Dog) Describe() string { return d.Animal.Describe() + " (" + d.Breed + ")" }

func main() {
	d := Dog{Animal{"rex", 4}, "collie"}
	d.Rename("max")
	fmt.Println(d.Name, d.Legs)
	fmt.Println(d.Describe())
	fmt.Println(d.Animal.Describe())
}
