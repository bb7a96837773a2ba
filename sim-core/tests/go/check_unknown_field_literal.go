//go:build ignore

// Compile error: unknown field name in a struct composite literal.
package main

import "fmt"

type User struct {
	Name string
	Age  int
}

func main() {
	u := User{Name: "ann", Email: "ann@example.com"}
	fmt.Println(u)
}
