//go:build ignore

// Compile error: the same name declared twice in one scope (var and func).
package main

import "fmt"

func helper() int { return 1 }

func helper() int { return 2 }

func main() {
	var a int = 1
	var a int = 2
	fmt.Println(a, helper())
}
