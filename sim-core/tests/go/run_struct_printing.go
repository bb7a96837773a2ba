//go:build ignore

// Output: printing structs, nested structs, pointers to structs, slices of structs with %v %+v %#v.
package main

import "fmt"

type Address struct {
	City string
	Zip  int
}

type Person struct {
	Name    string
	Age     int
	Addr    Address
	Tags    []string
	Manager *Person
}

func main() {
	boss := &Person{Name: "boss", Age: 50}
	p := Person{"ann", 30, Address{"Paris", 75000}, []string{"a"}, nil}
	fmt.Println(p)
	fmt.Printf("%+v\n", p)
	fmt.Printf("%#v\n", p.Addr)
	fmt.Println(boss)
	fmt.Println([]Person{{Name: "x"}, {Name: "y", Age: 1}})
	fmt.Printf("%v %+v\n", &p.Addr, []*int{nil})
	type pair struct {
		a, b any
	}
	fmt.Printf("%v %+v\n", pair{1, "s"}, pair{nil, 2.5})
	var e struct{}
	fmt.Println(e, [0]int{}, [2]string{})
}
