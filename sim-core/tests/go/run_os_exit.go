//go:build ignore

// Runtime: os.Exit(3) ends the program at once; deferred calls do not run.
package main

import (
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("never printed")
	fmt.Println("exiting with 3")
	os.Exit(3)
}
