//go:build ignore

// Compile error: using a package that was not imported.
package main

import "fmt"

func main() {
	fmt.Println(strings.ToUpper("go"))
}
